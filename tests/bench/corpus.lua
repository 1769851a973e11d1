-- corpus.lua - builds the grading benchmark's corpus and grep phrase list
-- from the lexicons (Lua data, read here with dofile), seeded so that the
-- same seed gives the same bytes.
--
--   lua5.4 corpus.lua pool HOME OUT          writes OUT/pool.txt: every
--       fragment the corpus is built from, one per line, "KIND<TAB>text"
--       (opencc -c s2t.json turns it into OUT/pool-t.txt, Traditional)
--   lua5.4 corpus.lua corpus OUT MBYTES SEED writes OUT/phrases.txt (for
--       grep -F -f) and OUT/corpus.txt (at least MBYTES MiB, one reply a
--       line), both scripts mixed
--
-- Fragment kinds: F a forbidden entry's example (must be found), S the same
-- example spaced out character by character (crmsim folds spacing away,
-- grep -F does not see it), Q a spaced example inside quotation marks or
-- after reported speech (scope rules: no finding, and grep does not see it
-- either), N a near-miss of any entry, P an empathy or step example, T a
-- neutral sentence. A reply is 1 to 5 fragments joined by clause
-- punctuation, so that no scope rule reaches from one fragment into the
-- next and no phrase can span two fragments.
--
-- The phrase list is every forbidden example (both scripts), trimmed of
-- edge punctuation, of at least two characters, without inner clause
-- punctuation, and not contained in any fragment that is not an F
-- fragment: grep must find only what crmsim must also find.
-- Deliberately not here: running crmsim or grep (tests/bench/run).

local mode = arg[1]

-- xorshift64*: the same sequence on every Lua 5.4 build, unlike math.random
-- whose algorithm is an implementation detail.
local rng_state
local function seed(n)
  rng_state = (n * 0x9E3779B97F4A7C15) ~ 0x2545F4914F6CDD1D
  if rng_state == 0 then rng_state = 1 end
end
local function rnd(n) -- 1..n
  local x = rng_state
  x = x ~ (x >> 12)
  x = x ~ (x << 25)
  x = x ~ (x >> 27)
  rng_state = x
  local r = (x * 0x2545F4914F6CDD1D) >> 33
  return r % n + 1
end
local function pick(t) return t[rnd(#t)] end

local function lines_of(path)
  local t = {}
  local f = assert(io.open(path, "rb"))
  for l in f:lines() do t[#t + 1] = l end
  f:close()
  return t
end

-- Neutral agent talk: no forbidden phrase, nothing quoted.
local NEUTRAL = {
  "您好，这里是客户服务中心", "请问有什么可以帮您", "我帮您看一下系统里的记录",
  "您的订单目前显示正在配送中", "这款产品支持七天无理由退货", "我们的营业时间是早上九点到晚上六点",
  "您可以在手机应用里查看账单明细", "这个套餐每月包含三十个G的流量", "麻烦您稍等一下",
  "系统显示您上个月的话费是一百零五元九角", "维修师傅会带上工具和配件", "您的会员积分还有两千三百分",
  "我们这边可以为您办理", "这张卡是去年三月开的户", "请您核对一下收货地址",
  "这次活动截止到本月底", "新的发票会寄到您登记的地址", "空调的保修期是整机三年",
  "房间已经为您准备好了", "您预订的是两晚的行政套房", "今天的天气有点冷，出门多穿一点",
  "这个型号目前有现货", "您的快递单号是七八九零一二三", "我们的热线是全天服务的",
  "网点的地址在人民路八十八号", "这笔交易是昨天下午入账的", "您的账户余额充足",
  "这项服务是免费开通的", "我再跟您确认一下时间", "您稍后会收到一条短信",
  "这个问题之前也有客户问过", "我们会在工作日处理申请", "这份合同一共有十二页",
  "您选择的是分期付款", "本店的招牌菜是清蒸鱼", "餐厅在酒店的二楼",
  "请您保留好购物小票", "您的航班是明天上午的", "这台电脑是去年十月买的",
  "您的积分可以兑换礼品", "The order was shipped on Monday.", "Your account number ends in 8826.",
  "We are open from nine to six.", "The technician will bring the spare parts.",
  "Thank you for calling customer service.", "The invoice has been sent by email.",
  "订单号 20240315-0088", "电话 139 0571 8826", "金额 58.00 元", "10:30 到 11:45",
  "第 3 期账单", "VIP 会员", "Wi-Fi 密码在房卡背面", "型号 KFR-35GW",
}

-- Context around a spaced example: quotation or reported speech, so the
-- scope rules drop it (a Q fragment).
local QUOTE = {
  { "我不会说“", "”" }, { "他们说「", "」" }, { "同事说‘", "’" }, { "我们不能说『", "』" },
  { "他说", "" }, { "有人说", "" }, { "别说", "" }, { '客户说"', '"' },
}

-- Separates fragments: each ends a clause.
local JOIN = { "，", "。", "！", "？", "；", ",", ". " }

-- Quotation marks (crmsim's list): a spaced-out apostrophe would open a
-- quotation that runs to the end of the reply.
local QUOTES = {
  ['"'] = true, ["'"] = true, ["＂"] = true, ["＇"] = true, ["“"] = true, ["”"] = true,
  ["‘"] = true, ["’"] = true, ["「"] = true, ["」"] = true, ["『"] = true, ["』"] = true,
  ["〝"] = true, ["〞"] = true, ["〟"] = true, ["﹁"] = true, ["﹂"] = true, ["﹃"] = true,
  ["﹄"] = true, ["｢"] = true, ["｣"] = true,
}

local function spaced(s)
  local t = {}
  for _, c in utf8.codes(s) do
    local ch = utf8.char(c)
    if not QUOTES[ch] then t[#t + 1] = ch end
  end
  return table.concat(t, " ")
end

-- True when every quotation in s is closed (an apostrophe between letters,
-- as in don't, is none): an open one would reach into the next fragment.
local function balanced(s)
  s = s:gsub("(%a)['’](%a)", "%1%2")
  local n = {}
  for _, c in utf8.codes(s) do
    local ch = utf8.char(c)
    if QUOTES[ch] then n[ch] = (n[ch] or 0) + 1 end
  end
  local function eq(a, b) return (n[a] or 0) == (n[b] or 0) end
  return (n['"'] or 0) % 2 == 0 and (n["'"] or 0) % 2 == 0 and (n["＂"] or 0) % 2 == 0
    and (n["＇"] or 0) % 2 == 0 and eq("“", "”") and eq("‘", "’") and eq("「", "」")
    and eq("『", "』") and eq("〝", "〞") and eq("﹁", "﹂") and eq("﹃", "﹄") and eq("｢", "｣")
end

local function one_line(s) return (s:gsub("[\r\n]", " ")) end

if mode == "pool" then
  local home, out = arg[2], arg[3]
  local f = assert(io.open(out .. "/pool.txt", "wb"))
  local function put(kind, text)
    if balanced(text) then f:write(kind, "\t", one_line(text), "\n") end
  end
  for _, name in ipairs { "forbidden", "empathy", "steps" } do
    local lx = dofile(home .. "/grading/lexicons/" .. name .. ".lua")
    for _, e in ipairs(lx.entries) do
      for _, x in ipairs(e.examples or {}) do
        if name == "forbidden" then
          put("F", x)
          put("S", spaced(x))
          local q = QUOTE[#x % #QUOTE + 1]
          put("Q", q[1] .. spaced(x) .. q[2])
        else
          put("P", x)
        end
      end
      for _, x in ipairs(e.near or {}) do put("N", x) end
    end
  end
  for _, x in ipairs(NEUTRAL) do put("T", x) end
  -- transcripts of good play-throughs: long, realistic agent replies
  for _, s in ipairs { "bank-card", "hotel-vip", "aircon-repeat" } do
    local p = io.open(home .. "/tests/play/" .. s .. "-good.txt", "rb")
    if p then
      for l in p:lines() do if #l > 0 then put("T", l) end end
      p:close()
    end
  end
  f:close()
  os.exit(0)
end

if mode ~= "corpus" then
  io.stderr:write("usage: corpus.lua pool HOME OUT | corpus OUT MBYTES SEED\n")
  os.exit(2)
end

local out, mbytes, seedv = arg[2], tonumber(arg[3]), tonumber(arg[4])
seed(seedv)

-- pools[script][kind] = list of texts; script 1 as written, 2 Traditional
local pools = { {}, {} }
for s, file in ipairs { "pool.txt", "pool-t.txt" } do
  for _, l in ipairs(lines_of(out .. "/" .. file)) do
    local kind, text = l:match("^(%u)\t(.*)$")
    if kind then
      pools[s][kind] = pools[s][kind] or {}
      table.insert(pools[s][kind], text)
    end
  end
end

-- The phrase list.
local CLAUSE_PUNCT = { "，", "。", "！", "？", "；", "：", "、", ",", "!", "?", ";", ":" }
local function trim(s)
  local edge = "[%s%p]"
  local changed = true
  while changed and #s > 0 do
    changed = false
    s = s:gsub("^%s+", ""):gsub("%s+$", "")
    for _, p in ipairs { "，", "。", "！", "？", "；", "：", "、", "…" } do
      if s:sub(1, #p) == p then s = s:sub(#p + 1); changed = true end
      if #s >= #p and s:sub(-#p) == p then s = s:sub(1, -#p - 1); changed = true end
    end
    local a, b = s:match("^" .. edge), s:match(edge .. "$")
    if a then s = s:sub(2); changed = true end
    if b then s = s:sub(1, -2); changed = true end
  end
  return s
end

local others = {} -- every text a phrase must not occur in
for s = 1, 2 do
  for kind, list in pairs(pools[s]) do
    if kind ~= "F" then
      for _, t in ipairs(list) do others[#others + 1] = t end
    end
  end
end
for _, q in ipairs(QUOTE) do others[#others + 1] = q[1] .. q[2] end

local seen, phrases = {}, {}
local dropped = { short = 0, punct = 0, inside = 0 }
for s = 1, 2 do
  for _, x in ipairs(pools[s].F) do
    local p = trim(x)
    if not seen[p] then
      seen[p] = true
      local ok = utf8.len(p) and utf8.len(p) >= 2
      if not ok then dropped.short = dropped.short + 1 end
      if ok then
        for _, c in ipairs(CLAUSE_PUNCT) do
          if p:find(c, 1, true) then ok = false; dropped.punct = dropped.punct + 1; break end
        end
      end
      if ok then
        for _, o in ipairs(others) do
          if o:find(p, 1, true) then ok = false; dropped.inside = dropped.inside + 1; break end
        end
      end
      if ok then phrases[#phrases + 1] = p end
    end
  end
end
table.sort(phrases)
local pf = assert(io.open(out .. "/phrases.txt", "wb"))
for _, p in ipairs(phrases) do pf:write(p, "\n") end
pf:close()

-- The corpus: fragment kinds by weight.
local KINDS = { "T", "T", "T", "T", "P", "P", "P", "P", "F", "F", "N", "N", "S", "Q" }
local target = mbytes * 1024 * 1024
local f = assert(io.open(out .. "/corpus.txt", "wb"))
local size, nlines, buf, nbuf = 0, 0, {}, 0
local frag = {}
while size < target do
  local s = rnd(10) <= 3 and 2 or 1 -- three replies in ten in Traditional
  local n = rnd(5)
  local k = 0
  for i = 1, n do
    local list = pools[s][pick(KINDS)]
    k = k + 1
    frag[k] = pick(list)
    if i < n then
      k = k + 1
      frag[k] = pick(JOIN)
    end
  end
  for i = k + 1, #frag do frag[i] = nil end
  if rnd(3) == 1 then frag[#frag + 1] = pick(JOIN) end
  local line = table.concat(frag)
  nbuf = nbuf + 1
  buf[nbuf] = line
  size = size + #line + 1
  nlines = nlines + 1
  if nbuf == 4096 then
    buf[nbuf + 1] = ""
    f:write(table.concat(buf, "\n", 1, nbuf + 1))
    nbuf = 0
  end
end
if nbuf > 0 then
  buf[nbuf + 1] = ""
  f:write(table.concat(buf, "\n", 1, nbuf + 1))
end
f:close()
print(string.format("corpus: %d lines, %d bytes; phrases: %d (dropped: %d under two characters, %d with clause punctuation, %d inside other fragments)",
  nlines, size, #phrases, dropped.short, dropped.punct, dropped.inside))
