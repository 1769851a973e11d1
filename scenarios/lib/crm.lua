-- crm.lua - helper library for scenario personas (installed as the
-- read-only global `crm` before a scenario file is loaded).
-- Plain Lua 5.4 over the persona API (course/persona-api.md): picking lines
-- by seed, crediting steps, reading findings, standard reactions.
-- Deliberately not here: anything a host must do (clamping, storing,
-- scoring), globals, io/os/require, and iteration whose order could
-- depend on `pairs` over string keys.
-- Keys it keeps in state.memo all start with "crm_".

local crm = {}

------------------------------------------------------------------------
-- Lists and tables
------------------------------------------------------------------------

-- One element of list chosen with math.random (seeded by the host);
-- a string is returned as is; nil or {} gives nil.
function crm.pick(list)
  if type(list) ~= "table" then return list end
  if #list == 0 then return nil end
  return list[math.random(#list)]
end

-- Like crm.pick, but never the same element twice in a row for this key
-- (remembered in state.memo.crm_last), so a customer does not repeat himself.
function crm.vary(state, key, list)
  if type(list) ~= "table" then return list end
  local n = #list
  if n == 0 then return nil end
  local memo = state.memo
  memo.crm_last = memo.crm_last or {}
  local last = memo.crm_last[key]
  local i = math.random(n)
  if n > 1 and i == last then i = i % n + 1 end
  memo.crm_last[key] = i
  return list[i]
end

-- Orders keys of mixed types: booleans, numbers, strings, then by value
-- (booleans by name; tables or functions as keys have no stable order).
local function key_less(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return ta < tb end
  if ta == "number" or ta == "string" then return a < b end
  return tostring(a) < tostring(b)
end

-- Iterator like pairs(t) but in sorted key order: use it whenever the
-- order can reach output or state (pairs order differs per process).
function crm.sorted_pairs(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, key_less)
  local i = 0
  return function()
    i = i + 1
    local k = keys[i]
    if k ~= nil then return k, t[k] end
  end
end

-- True when the array list contains value.
function crm.has(list, value)
  if type(list) ~= "table" then return false end
  for _, v in ipairs(list) do
    if v == value then return true end
  end
  return false
end

-- Concatenates the non-empty strings among the arguments (nil is skipped).
function crm.join(...)
  local out = {}
  for i = 1, select("#", ...) do
    local s = select(i, ...)
    if type(s) == "string" and s ~= "" then out[#out + 1] = s end
  end
  return table.concat(out)
end

------------------------------------------------------------------------
-- Steps
------------------------------------------------------------------------

-- Marks one step as done at this turn unless already done; true if new.
function crm.mark(state, step)
  if state.steps[step] ~= nil then return false end
  state.steps[step] = state.turn
  return true
end

-- Credits the steps the grader found in reply (reply.steps), or only those
-- of them listed in only_steps; returns the list of newly credited steps.
function crm.credit(state, reply, only_steps)
  local new = {}
  for _, step in ipairs(reply.steps or {}) do
    if only_steps == nil or crm.has(only_steps, step) then
      if crm.mark(state, step) then new[#new + 1] = step end
    end
  end
  return new
end

-- True when step has been done in this session.
function crm.done(state, step)
  return state.steps[step] ~= nil
end

-- True when every step of the list has been done.
function crm.all_done(state, steps)
  for _, step in ipairs(steps) do
    if state.steps[step] == nil then return false end
  end
  return true
end

-- Steps of the list not done yet, sorted by id.
function crm.missing(state, steps)
  local out = {}
  for _, step in ipairs(steps) do
    if state.steps[step] == nil then out[#out + 1] = step end
  end
  table.sort(out)
  return out
end

-- The first step of order (a list, in the order you want) not done yet.
function crm.first_missing(state, order)
  for _, step in ipairs(order) do
    if state.steps[step] == nil then return step end
  end
  return nil
end

-- True when the grader found step in this very reply.
function crm.said(reply, step)
  return crm.has(reply.steps, step)
end

------------------------------------------------------------------------
-- Reading the reply
------------------------------------------------------------------------

-- The first of words (a string or a list, Simplified, lower case) found in
-- reply.norm, or nil. reply.norm has no spaces or punctuation.
function crm.mentions(reply, words)
  local norm = reply.norm or ""
  if type(words) == "string" then words = { words } end
  for _, w in ipairs(words) do
    if w ~= "" and string.find(norm, w, 1, true) then return w end
  end
  return nil
end

-- The word of the list that occurs first in reply.norm (the longest on a
-- tie), or nil: for "这周六上午上门，今天下午催配件" and {"今天下午", "周六",
-- "这周六"} it is "这周六". Good for echoing a time or place back.
function crm.earliest(reply, words)
  local norm = reply.norm or ""
  local best, at
  for _, w in ipairs(words) do
    local i = w ~= "" and string.find(norm, w, 1, true)
    if i and (at == nil or i < at or (i == at and #w > #best)) then
      best, at = w, i
    end
  end
  return best
end

local CLOCK = { "十二点", "十一点", "十点", "九点", "八点", "七点", "六点", "五点",
                "四点", "三点", "两点", "一点" }

-- The time the trainee named, to echo back: crm.earliest(reply, words)
-- extended by a clock time right after it ("今天下午" + "四点" gives
-- "今天下午四点", "明天中午" + "12点" gives "明天中午12点"), or nil.
function crm.when(reply, words)
  local w = crm.earliest(reply, words)
  if not w then return nil end
  local norm = reply.norm or ""
  local _, j = string.find(norm, w, 1, true)
  local rest = string.sub(norm, j + 1)
  local clock = string.match(rest, "^%d+点")
  if not clock then
    for _, c in ipairs(CLOCK) do
      if string.sub(rest, 1, #c) == c then clock = c break end
    end
  end
  if not clock then return w end
  if string.sub(rest, #clock + 1, #clock + #"半") == "半" then clock = clock .. "半" end
  return w .. clock
end

-- How many different words of the list occur in reply.norm.
function crm.count_mentions(reply, words)
  local n = 0
  for _, w in ipairs(words) do
    if w ~= "" and string.find(reply.norm or "", w, 1, true) then n = n + 1 end
  end
  return n
end

-- True when the reply is a question: a question mark in reply.text, or a
-- question particle or phrase in reply.norm.
function crm.is_question(reply)
  local text, norm = reply.text or "", reply.norm or ""
  if string.find(text, "?", 1, true) or string.find(text, "？", 1, true) then
    return true
  end
  for _, w in ipairs({ "吗", "要不要", "是不是", "可不可以", "能不能", "请问", "还是" }) do
    if string.find(norm, w, 1, true) then return true end
  end
  return false
end

-- Sum of the severities of the forbidden entries found in the reply (each
-- entry once, however many clauses it matched in).
function crm.severity(reply)
  -- An entry that matches in several clauses of one reply counts once.
  local sum, seen = 0, {}
  for _, f in ipairs(reply.forbidden or {}) do
    if not seen[f.id] then
      seen[f.id] = true
      sum = sum + (f.severity or 1)
    end
  end
  return sum
end

-- The most severe forbidden finding (the first one on ties), or nil.
function crm.worst(reply)
  local best
  for _, f in ipairs(reply.forbidden or {}) do
    if best == nil or (f.severity or 1) > (best.severity or 1) then best = f end
  end
  return best
end

-- True when some forbidden finding of the reply has category cat
-- ("推诿", "指责客户", "拒绝", "质问/说教", "争辩", "敷衍").
function crm.has_category(reply, cat)
  for _, f in ipairs(reply.forbidden or {}) do
    if f.category == cat then return true end
  end
  return false
end

-- True when the grader found nothing at all in the reply (no forbidden,
-- empathy or step finding) and it is not empty.
function crm.quiet(reply)
  return not reply.empty and #(reply.forbidden or {}) == 0
     and #(reply.empathy or {}) == 0 and #(reply.steps or {}) == 0
end

-- True when the reply is off topic: nothing graded and none of topic_words.
function crm.offtopic(reply, topic_words)
  return crm.quiet(reply) and not crm.mentions(reply, topic_words or {})
end

------------------------------------------------------------------------
-- Mood, patience, memo
------------------------------------------------------------------------

-- Changes state.mood by delta, clamped to 0..100; returns the new mood.
function crm.adjust(state, delta)
  local m = (state.mood or 50) + delta
  if m < 0 then m = 0 elseif m > 100 then m = 100 end
  state.mood = m
  return m
end

-- A bad turn: mood changes by mood_delta (negative) and patience drops by
-- patience_delta (default 1, never below 0); returns the new patience.
function crm.penalize(state, mood_delta, patience_delta)
  crm.adjust(state, mood_delta or 0)
  local p = (state.patience or 0) - (patience_delta or 1)
  if p < 0 then p = 0 end
  state.patience = p
  return p
end

-- True when the customer has no patience left.
function crm.exhausted(state)
  return (state.patience or 0) <= 0
end

-- True only the first time it is called with this key in the session.
function crm.once(state, key)
  local memo = state.memo
  memo.crm_once = memo.crm_once or {}
  if memo.crm_once[key] then return false end
  memo.crm_once[key] = true
  return true
end

-- Adds n (default 1) to the counter state.memo[key]; returns the new value.
function crm.count(state, key, n)
  local memo = state.memo
  memo[key] = (memo[key] or 0) + (n or 1)
  return memo[key]
end

------------------------------------------------------------------------
-- Standard first reaction
------------------------------------------------------------------------

-- Reacts to what every persona reacts to the same way, in this order:
--   forbidden findings -> mood - severity * opts.per_severity (default 8),
--     patience - 1, a line from lines.forbidden[category of the worst
--     finding] or lines.forbidden.default;
--   empty reply        -> mood - opts.empty (5), patience - 1, lines.empty;
--   repeated reply     -> mood - opts.repeated (5), patience - 1, lines.repeated;
--   empathy findings   -> mood + opts.calm (6), one less for each earlier
--     empathic turn (at least opts.calm_min, 2), lines.calmer.
-- Returns line (may be nil), kind ("forbidden", "empty", "repeated",
-- "empathy" or nil) and, for "forbidden", the worst finding.
function crm.react(state, reply, lines, opts)
  opts = opts or {}
  lines = lines or {}
  if #(reply.forbidden or {}) > 0 then
    local worst = crm.worst(reply)
    crm.penalize(state, -(opts.per_severity or 8) * crm.severity(reply), 1)
    local f = lines.forbidden or {}
    local cat = f[worst.category] and worst.category or "default"
    return crm.vary(state, "forbidden:" .. cat, f[cat]), "forbidden", worst
  end
  if reply.empty then
    crm.penalize(state, -(opts.empty or 5), 1)
    return crm.vary(state, "empty", lines.empty), "empty"
  end
  if reply.repeated then
    crm.penalize(state, -(opts.repeated or 5), 1)
    return crm.vary(state, "repeated", lines.repeated), "repeated"
  end
  if #(reply.empathy or {}) > 0 then
    local n = crm.count(state, "crm_empathy")
    local gain = (opts.calm or 6) - (n - 1)
    if gain < (opts.calm_min or 2) then gain = opts.calm_min or 2 end
    crm.adjust(state, gain)
    return crm.vary(state, "calmer", lines.calmer), "empathy"
  end
  return nil, nil
end

-- The customer asks again for what is still missing (need is a key such as
-- a step id): a line from first, or from again when he already asked for
-- the same thing on his previous turn; the second result is true then, so
-- the persona can make him a little more impatient.
function crm.nag(state, need, first, again)
  local memo = state.memo
  memo.crm_nag = memo.crm_nag or {}
  local last = memo.crm_nag[need]
  memo.crm_nag[need] = state.turn
  if again and last ~= nil and last == state.turn - 1 then
    return crm.vary(state, "nag-again", again), true
  end
  return crm.vary(state, "nag", first), false
end

------------------------------------------------------------------------
-- Hints
------------------------------------------------------------------------

-- A hint: texts[step] for the first step of order not done yet, else
-- fallback. Use it in `hints = function(state) ... end`.
function crm.hint(state, order, texts, fallback)
  local step = crm.first_missing(state, order)
  if step and texts[step] then return texts[step] end
  return fallback
end

-- Appends say to the list of lines out and returns the customer's whole
-- line and outcome, ready to be returned from on_reply:
--   return crm.finish(out, "那我等你电话。", "resolved")
function crm.finish(out, say, outcome)
  out[#out + 1] = say
  return table.concat(out), outcome
end

return crm
