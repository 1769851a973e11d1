-- bank-card.lua - 王先生：卡到底挂没挂上电话银行（愤怒的投诉客户）
--
-- 出处：seeds/000 第五章《客户服务》教学案例"客户服务案例分析"，
--   案例一"客户到底想要我做什么？"。客户只想确认自己的卡是否挂到了电话银行上；
--   热线说"查不到""你在哪办的"，让他去柜台重办，说"一定是**支行做错了，
--   他们经常错""你知道吧"；柜台说"我不是这里的负责人""很麻烦的"。
--   课程给出的正确处理：认真查询客户信息、找到原因、留下联系电话、承诺回复时间、
--   联系相关部门、及时答复，并向客户致歉。
--
-- 学员要做（requires）：apologize 道歉，ask 问清在哪办、哪张卡，own 由自己负责去查
--   （联系网点核实），contact 留下/确认联系电话，deadline 承诺具体的回复时间。
--   加分：explain 说明下一步，follow_up 答应回电，顺手帮他查那笔货款。
--   让他更生气的：没查就说"查不到"、让他再跑柜台、指责支行、"你知道吧"、
--   "不是我负责""很麻烦"、争辩、敷衍。
--
-- 结局：resolved   各步骤做到且他的情绪缓过来 → 他接受回复时间，等电话；
--       escalated  推来推去耗尽耐心 → 他要找经理、打投诉电话；
--       churned    说教、指责他、跟他争 → 他要销卡换银行；
--       unresolved 到了轮数上限还没解决（on_timeout），或者学员一直不说话、
--                  说重复的话，把他的耐心磨光了。

local REQUIRES = { "apologize", "ask", "own", "contact", "deadline" }

-- Customer lines. Every list is picked from with crm.vary (seeded).
local L = {
  react = {
    forbidden = {
      ["推诿"] = {
        "你们一个推一个的，到底有没有人管？",
        "别跟我说别人，我现在就是在跟你说话！",
        "我不管是谁的事，我打的是你们银行的电话！",
      },
      ["指责客户"] = {
        "怎么，还成我的错了？",
        "我自己办的业务我会记错？你这是什么话！",
      },
      ["拒绝"] = {
        "你连查都不查就说不行？",
        "什么叫办不了？那我这卡是白办的？",
      },
      ["质问/说教"] = {
        "你这是什么口气？我是来办事的，不是来听你训的！",
        "你别给我上课，我就问我的卡开没开通。",
      },
      ["争辩"] = {
        "你还跟我争上了？",
        "我不是来跟你吵架的，我是来解决问题的！",
      },
      ["敷衍"] = {
        "你就这么打发我？",
        "等等看？等到什么时候？",
      },
      default = {
        "你这是什么态度？",
        "你们就是这么服务客户的？",
      },
    },
    empty = { "喂？喂？你在听吗？", "你倒是说话啊！", "……人呢？说话啊。" },
    repeated = {
      "这话你刚才说过了。",
      "你能不能别翻来覆去就这一句？",
      "又是这句，有用吗？",
    },
    calmer = {
      "……嗯，你知道我着急就好。",
      "我也不是冲你，就是这事太窝火。",
      "行，你能听我说完就好。",
    },
  },
  -- the seed's bad replies, recognised by the persona itself
  bad = {
    cantfind = {
      "你查都没查就说查不到？我一周前亲自去柜台办的！",
      "查不到？那你帮我看看，是不是登记到别的卡号上去了！",
    },
    counter = {
      "查不到原因，我去柜台干什么？再白跑一趟？",
      "我上礼拜就是在柜台办的，现在又让我去柜台？",
    },
    blame = {
      "我不管是哪个支行错了，在我这儿你们就是一家银行！",
      "他们经常错？那你们还让他们办？这话你也说得出口！",
    },
    notmine = {
      "不是你负责那是谁负责？你告诉我该找谁！",
      "我不管你是不是负责人，电话是你接的。",
    },
    trouble = {
      "麻烦？我跑来跑去就不麻烦？",
      "嫌麻烦？那我这卡是白办的吗？",
    },
    yourfault = {
      "我自己办的业务我会记错？你这是什么话！",
      "怎么，还成我的错了？回单我还留着呢！",
    },
    youknow = {
      "我不知道！我要是知道还打电话问你？",
      "你知道吧你知道吧……我就知道我的卡用不了！",
    },
  },
  offtopic = {
    "你说什么？我问的是我的卡开没开通电话银行。",
    "我没时间闲聊，就问我的卡。",
  },
  facts = {
    where = {
      "上礼拜三，人民路支行，进门左边第一个柜台，一个戴眼镜的姑娘给我办的。",
      "一周前，人民路支行，左边第一个柜台。我记得清清楚楚。",
      "人民路支行，就上周三上午。左边第一个柜台，排了半个钟头的队。",
    },
    card = {
      "尾号6217，借记卡。那天身份证也带了，表是当场填的。",
      "6217结尾的那张借记卡，我就这一张借记卡。",
    },
    receipt = {
      "她给了我一张回单，说第二天就能用。回单我还留着呢。",
      "办完给了张回执，说隔天就开通，结果到今天也用不了。",
    },
    again = { "我刚才不是都说了吗？", "该说的我都说了，你查吧。" },
  },
  steps = {
    apologize = {
      "光道歉没用……算了，先把事办了。",
      "……行，这句我听到了。",
      "你道歉我收下，问题还得解决。",
    },
    own = {
      "好，你给我查清楚，到底是挂错了还是没挂上。",
      "这还像句话。那你查，我等着。",
      "行，你现在就查，我在电话这头等着。",
    },
    contact = {
      "就打我这个手机，139 0571 8826，白天都开着。",
      "我手机139 0571 8826，你们查到了直接打给我。",
    },
    deadline_at = { "%s是吧？行，我记着了。", "好，%s，我等你们消息。" },
    deadline = { "行，就按你说的时间。", "好，那我就等这个时间。" },
    deadline_noowner = "时间你说了，那这事到底是谁来查？",
    explain = { "噢，原来得跟网点核实，那你们核实去。", "行，这么说我就明白了。" },
    follow_up = { "那就说好了，不管查没查到，都给我回个电话。", "行，回电话的时候直接说结果。" },
    payment = "对对，那笔货款三万二，客户说昨天就打了……到了？到了就好，这倒是帮了我大忙。",
  },
  need = {
    own = {
      "你就告诉我，这事你能不能帮我查清楚？",
      "我不要听别的，我就问：你能不能帮我查？",
    },
    ask = {
      "你不问问我是在哪办的、哪张卡？",
      "你要查总得知道我是哪张卡、在哪办的吧？",
    },
    contact = {
      "那你们查到了怎么通知我？",
      "查完了你们怎么找我？",
      "查到了你打给我，还是又让我自己打进来问？",
    },
    deadline = {
      "那要多久？你给我个准话。",
      "什么时候能有结果？别又让我干等。",
      "今天能给我个说法吗？",
    },
    apologize = {
      "我白跑一趟柜台，又在电话里折腾半天，你们连句抱歉都没有？",
    },
  },
  -- the same need, asked on his previous turn and still not met
  need_again = {
    own = { "我再问你一遍：这事你到底管不管？", "你别光'好的好的'，到底查不查？" },
    ask = { "你到底要不要记我的卡号和网点？" },
    contact = { "我问了几遍了，你们查到了到底怎么找我？", "电话你还记不记了？" },
    deadline = { "你到现在都没说什么时候给我答复。", "时间呢？我要一个时间。" },
    apologize = { "一句'不好意思'就这么难？" },
  },
  help = {
    "我刚才不是说了吗？我的卡到底挂没挂上电话银行！",
    "我说得很清楚了：卡在柜台办了电话银行，现在用不了。",
  },
  doubt = {
    "你说得好听，到时候又没人管怎么办？",
    "上次柜台也说第二天就能用，我凭什么再信一次？",
  },
  warn = {
    runaround = "你再这样推，我就打投诉电话了。",
    disrespect = "我告诉你，我这卡不是非用你们家的不可。",
  },
  ending = {
    resolved = {
      "行，那我等你电话。这次别再让我白跑了。",
      "好吧，就这么说定了。早这么说不就完了。",
    },
    resolved_at = "好，%s之前我等你电话。这次别再让我白跑了。",
    escalated = {
      "你们一个推一个，我不跟你说了。叫你们经理来接电话！不然我现在就打投诉电话。",
      "我就问个简单的问题，你们搞了这一大圈，什么也没解决！我要投诉，让你们领导给我回电话。",
      "我不跟你说了，把你们经理的电话给我。这事我要投诉！",
    },
    churned = {
      "行了，不用查了。这卡我明天就去销掉，换家银行。",
      "你们这服务我受够了，明天就把钱转走，卡也销了。",
      "算了，我这就去把卡销了，换家银行，省得受这个气。",
    },
    unresolved = {
      "算了，说了这么半天，什么也没解决。我挂了。",
      "我没工夫再耗了，回头再说吧。",
    },
    grudging = "好吧，我就等你电话。要是再没下文，我就直接投诉。",
  },
}

-- Words of the case, matched in reply.norm (Simplified, lower case).
local W = {
  topic = { "您好", "你好", "喂", "卡", "电话银行", "开通", "柜台", "支行", "网点", "查", "王先生",
            "账户", "登记", "注册", "核实", "货款", "回单", "手机", "号码" },
  where = { "哪天", "什么时候", "几号", "哪个支行", "哪个网点", "哪家", "哪里办",
            "在哪", "哪个柜台", "什么地方" },
  card = { "卡号", "尾号", "哪张卡", "身份证", "证件", "什么卡" },
  receipt = { "回单", "凭证", "单据", "回执", "怎么说", "怎么跟您说" },
  cantfind = { "查不到", "没有记录", "查不了", "没查到", "找不到" },
  counter = { "去柜台", "到柜台去", "到柜台办", "到柜台重", "来柜台", "去网点",
              "到网点去", "到网点办", "去支行", "到支行去", "重新办", "重办",
              "再办一次", "再跑一趟", "亲自去一趟", "亲自跑" },
  negate = { "不用", "不需要", "不必", "无需", "免得", "省得" },
  branch = { "支行", "柜台", "网点", "他们", "那边" },
  blame = { "经常错", "做错", "搞错了", "弄错了", "出错", "的错", "一定是", "肯定是" },
  notmine = { "不是负责人", "不是这里的负责", "不是我负责", "不归我管",
              "不是我们部门", "不关我", "跟我没关系", "我管不了" },
  trouble = { "很麻烦", "太麻烦", "挺麻烦", "麻烦得很", "好麻烦" },
  yourfault = { "记错了", "您记错", "你记错", "搞错了吧", "弄错了吧", "填错", "看错",
                "是不是您自己", "是不是你自己", "您自己没", "你自己没" },
  youknow = { "你知道吧", "你知道吗", "您知道吧", "您知道吗", "你懂吗", "明白吗",
              "懂不懂", "你要知道" },
  payment = { "货款", "到账", "交易明细", "流水", "那笔钱" },
  help = { "有什么可以帮", "有什么需要", "什么事", "有什么问题", "什么业务",
           "办理什么", "需要什么帮助" },
  times = { "今天下班前", "今天下午", "今天上午", "今天晚上", "明天上午",
            "明天中午", "明天下午", "明天", "一个小时", "两个小时", "半小时",
            "24小时", "二十四小时", "一个工作日", "中午", "下午" },
}

-- Which of the seed's bad replies this is (persona's own reading), or nil.
local function bad_kind(reply)
  if crm.mentions(reply, W.yourfault) then return "yourfault" end
  if crm.mentions(reply, W.youknow) then return "youknow" end
  if crm.mentions(reply, W.notmine) then return "notmine" end
  if crm.mentions(reply, W.trouble) then return "trouble" end
  if crm.mentions(reply, W.branch) and crm.mentions(reply, W.blame) then
    return "blame"
  end
  if crm.mentions(reply, W.counter) and not crm.mentions(reply, W.negate) then
    return "counter"
  end
  if crm.mentions(reply, W.cantfind) then return "cantfind" end
  return nil
end

-- Runaround (推来推去) or disrespect (说教、指责、争辩) - decides the bad end.
local RUDE = { ["指责客户"] = true, ["质问/说教"] = true, ["争辩"] = true }

-- Gives one fact the trainee asked about (or the next unknown one).
local function reveal(state, reply, out)
  local m = state.memo
  local asked = {}
  if crm.mentions(reply, W.where) then asked[#asked + 1] = "where" end
  if crm.mentions(reply, W.card) then asked[#asked + 1] = "card" end
  if crm.mentions(reply, W.receipt) then asked[#asked + 1] = "receipt" end
  -- a bare question (no other step in the reply) gets the next unknown fact
  local bare = crm.said(reply, "ask") and #reply.steps == 1
               and not crm.mentions(reply, W.help)
  if #asked == 0 and bare then
    for _, k in ipairs({ "where", "card", "receipt" }) do
      if not m.facts[k] then asked[1] = k break end
    end
  end
  if #asked == 0 then
    if bare then out[#out + 1] = crm.vary(state, "again", L.facts.again) end
    return false
  end
  for _, k in ipairs(asked) do
    if not m.facts[k] then crm.adjust(state, 3) end
    m.facts[k] = true
    out[#out + 1] = crm.vary(state, "fact-" .. k, L.facts[k])
  end
  crm.mark(state, "ask")
  return true
end

-- Sets up state.memo on the first reply; returns it.
local function init(state)
  local m = state.memo
  if not m.facts then
    m.facts = { where = false, card = false, receipt = false }
    m.runaround, m.disrespect, m.offtopic = 0, 0, 0
    m.warned = false
  end
  return m
end

-- The bad end: escalated when he was pushed around, churned when lectured,
-- a plain hang-up when he simply got nowhere (silence, repetition).
local function bad_end(state)
  local m = state.memo
  if m.disrespect + m.runaround == 0 then
    return crm.vary(state, "end", L.ending.unresolved), "unresolved"
  end
  if m.disrespect > m.runaround then
    return crm.vary(state, "end", L.ending.churned), "churned"
  end
  return crm.vary(state, "end", L.ending.escalated), "escalated"
end

return {
  id = "bank-card",
  title = "王先生：卡到底挂没挂上电话银行",
  chapter = 5,
  kind = "angry",
  summary = "一位在柜台办了电话银行却用不了的客户打进热线，他只想知道卡挂没挂上。别再让他跑了。",
  customer = {
    name = "王先生",
    profile = "王建平，45岁，做建材生意，靠电话银行查货款。一周前在人民路支行柜台办了电话银行，今天用不了，很着急，也很冲。",
  },
  brief = "你是银行客服热线的座席。来电的王先生（来电号码尾号8826）说他的卡用不了电话银行。"
    .. "你能在系统里查到他的客户资料和账户交易，但看不到柜台办理电话银行的业务流水；"
    .. "要确认是没挂上还是挂错了卡，需要你联系办理网点核实（网点一般当天能答复）。",
  opening = {
    "喂，我想查一下我的卡到底在不在电话银行上。一周前专门去柜台办的，今天一打进来，系统说我这卡号没注册！",
    "你好。我上礼拜在你们柜台办了电话银行，今天要查一笔货款，语音一直提示卡号未注册。你帮我查查，是挂错卡了还是根本没挂上？",
    "我就问个简单的问题：我的卡到底开没开通电话银行？一周前在柜台办的，现在用不了，我还等着查货款呢。",
  },
  mood = 35,
  patience = 3,
  requires = REQUIRES,
  max_turns = 12,
  outcomes = {
    resolved = { label = "问题有人负责，客户等回电", score = 100 },
    escalated = { label = "客户要找经理、打投诉电话", score = 20 },
    churned = { label = "客户要销卡换银行", score = 0 },
    unresolved = { label = "聊了很久，什么也没解决", score = 30 },
  },

  hints = function(state)
    return crm.hint(state, { "apologize", "own", "ask", "contact", "deadline" }, {
      apologize = "他一周前专门跑了柜台，现在还用不了：先为给他添的麻烦道歉，别急着解释。",
      own = "别说“查不到”，也别让他再去柜台：说“我来帮您查/我来联系网点核实”，把事揽下来。",
      ask = "问清楚在哪个网点、哪天办的、哪张卡（卡号尾号），不要质问，用“请问”。",
      contact = "查询需要时间：留下或确认他的联系电话，告诉他结果会打这个号码。",
      deadline = "给一个具体的回复时间，比如“明天中午12点前给您回电话”，不要说“尽快”。",
    }, "步骤都做到了：复述一遍你会做什么、什么时候回电，问问他还有什么需要。")
  end,

  on_reply = function(state, reply)
    local m = init(state)
    local out = {}     -- what he says this turn, in order
    local later = {}   -- lines he skips if he hangs up satisfied this turn

    -- 1. tone: forbidden findings (the grader's or the seed's bad replies
    --    the persona recognises itself), empty, repeated, empathy
    local bad = (not reply.empty and not reply.repeated) and bad_kind(reply) or nil
    local line, kind, worst = crm.react(state, reply, L.react)
    local new = crm.credit(state, reply)
    if kind == "forbidden" or bad then
      if (worst and RUDE[worst.category]) or bad == "youknow" or bad == "yourfault" then
        m.disrespect = m.disrespect + 1
      else
        m.runaround = m.runaround + 1
      end
      if kind ~= "forbidden" then crm.penalize(state, -12, 1) end
      -- his answer to the seed's words, unless the grader found worse
      if bad and not (worst and RUDE[worst.category] and bad ~= "youknow" and bad ~= "yourfault") then
        line = crm.vary(state, "bad", L.bad[bad])
      end
    end
    if kind ~= "empathy" and line then out[#out + 1] = line end
    if crm.exhausted(state) or state.mood <= 5 then
      return crm.finish(out, bad_end(state))
    end
    if kind == "empty" or kind == "repeated" then return table.concat(out) end

    -- 2. steps the grader found, and what they mean to him
    local progress = #new > 0
    if crm.has(new, "apologize") then
      crm.adjust(state, 10)
      out[#out + 1] = crm.vary(state, "apologize", L.steps.apologize)
    elseif kind == "empathy" then
      out[#out + 1] = line
    end
    if crm.has(new, "own") then
      crm.adjust(state, 10)
      out[#out + 1] = crm.vary(state, "own", L.steps.own)
    end
    if reveal(state, reply, out) then progress = true end
    if crm.has(new, "explain") then
      crm.adjust(state, 3)
      later[#later + 1] = crm.vary(state, "explain", L.steps.explain)
    end
    if not bad and crm.mentions(reply, W.payment) and crm.once(state, "payment") then
      crm.adjust(state, 6)
      progress = true
      out[#out + 1] = L.steps.payment
    end
    if crm.has(new, "contact") then
      crm.adjust(state, 4)
      out[#out + 1] = crm.vary(state, "contact", L.steps.contact)
    end
    if crm.has(new, "deadline") then
      if crm.done(state, "own") then
        crm.adjust(state, 8)
        m.at = crm.when(reply, W.times)
        if m.at then
          later[#later + 1] = string.format(crm.vary(state, "deadline", L.steps.deadline_at), m.at)
        else
          later[#later + 1] = crm.vary(state, "deadline", L.steps.deadline)
        end
      else
        crm.adjust(state, 3)
        later[#later + 1] = L.steps.deadline_noowner
      end
    end
    if crm.has(new, "follow_up") then
      crm.adjust(state, 4)
      later[#later + 1] = crm.vary(state, "follow_up", L.steps.follow_up)
    end
    if crm.has(new, "acknowledge") then crm.adjust(state, 2) end
    if crm.has(new, "thank") then crm.adjust(state, 2) end

    -- "请问有什么可以帮您": the script, after he has explained it all
    local substantive = false
    for _, st in ipairs(new) do
      if st ~= "ask" and st ~= "acknowledge" and st ~= "thank" then substantive = true end
    end
    if not bad and not substantive and crm.mentions(reply, W.help) and crm.once(state, "help") then
      crm.adjust(state, -3)
      return crm.finish(out, crm.vary(state, "help", L.help))
    end

    -- 3. off topic: first time a question, then it costs patience
    if not kind and not bad and not progress and crm.offtopic(reply, W.topic) then
      m.offtopic = m.offtopic + 1
      if m.offtopic > 1 then crm.penalize(state, -5, 1) end
      out[#out + 1] = crm.vary(state, "offtopic", L.offtopic)
      if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
      return table.concat(out)
    end

    -- 4. done? everything required, and he has cooled down
    if crm.all_done(state, REQUIRES) then
      if state.mood >= 40 then
        if m.at then
          return crm.finish(out, string.format(L.ending.resolved_at, m.at), "resolved")
        end
        return crm.finish(out, crm.vary(state, "end", L.ending.resolved), "resolved")
      end
      for _, l in ipairs(later) do out[#out + 1] = l end
      return crm.finish(out, crm.vary(state, "doubt", L.doubt))
    end
    for _, l in ipairs(later) do out[#out + 1] = l end

    -- 5. what he still wants (not while he is shouting about a bad reply)
    if not bad and kind ~= "forbidden" then
      local need = crm.first_missing(state, { "own", "ask", "contact", "deadline", "apologize" })
      if need == "apologize" and state.turn < 3 then need = nil end
      if need then
        -- asked for the same thing last turn and nothing moved: more impatient
        local again = not progress and L.need_again[need] or nil
        local say, insisted = crm.nag(state, need, L.need[need], again)
        if insisted then crm.adjust(state, -3) end
        out[#out + 1] = say
      end
    end
    if state.mood < 20 and not m.warned then
      m.warned = true
      out[#out + 1] = m.disrespect > m.runaround and L.warn.disrespect or L.warn.runaround
    end
    return table.concat(out)
  end,

  on_timeout = function(state)
    if crm.all_done(state, REQUIRES) then
      return L.ending.grudging, "resolved"
    end
    return crm.vary(state, "end", L.ending.unresolved), "unresolved"
  end,
  -- self-tests (crmsim test): the play-through scripts of tests/play/ with
  -- their seeds and ranges from tests/play/expect.txt, plus one test for each
  -- outcome those scripts do not reach.
  tests = {
    -- tests/play/bank-card-good.txt
    { name = "good",
      seed = 7,
      replies = {
        "王先生您好，非常抱歉让您专门跑了一趟柜台还用不了，我理解您的心情，换了我也着急。我来帮您查。",
        "请问您是在哪个网点、哪天办理的？办的是哪张卡，方便告诉我卡号后四位吗？",
        "好的，我都记下了。我这边系统看不到柜台的办理记录，我现在就联系人民路支行帮您核实，到底是没挂上还是挂错了卡。您说的那笔货款，我也先帮您查一下到账没有。",
        "您现在打进来的这个手机号码能联系到您吗？查到结果我就打这个号码给您。",
        "我明天中午12点前一定给您回电话，告诉您结果。",
      },
      outcome = "resolved", score = { 75, 100 },
      findings = { "apologize", "understand-feelings", "ask", "contact", "deadline" },
      absent = { "cannot-find", "go-elsewhere" },
    },
    -- tests/play/bank-card-bad.txt
    { name = "bad",
      seed = 7,
      replies = {
        "XX号，没有。查不到，肯定是没注册上，你在哪办的？",
        "那你要到柜台去一下，重办一次。",
        "一定是人民路支行做错了，他们经常错，我这里查不到，你到柜台去。",
      },
      outcome = "escalated", score = { 0, 35 },
      findings = { "cannot-find", "go-elsewhere", "blame-other-dept" },
    },
    -- tests/play/bank-card-mixed.txt
    { name = "mixed",
      seed = 7,
      replies = {
        "王先生您好，您别着急，请问您是在哪个网点、哪天办的？",
        "好的。系统里确实没有记录，您是不是记错了？",
        "不好意思，我帮您联系网点核实一下。您这个手机号能联系到您吧？",
        "您知道吧，这种业务一般都是网点那边的问题，我们这边也没办法。",
        "我没说错啊，我也是按流程来的。",
      },
      outcome = "churned", score = { 30, 74 },
      findings = { "you-know", "other-dept-matter", "we-are-right" },
    },
    { name = "unresolved (the script, then silence)",
      seed = 7,
      replies = {
        "您好，请问有什么可以帮您？",
        "请您稍等。",
        "请您稍等。",
        "请您稍等。",
        "请您稍等。",
      },
      outcome = "unresolved", score = { 30, 60 },
      absent = { "cannot-find" },
    },
    random = 20,
  },
}
