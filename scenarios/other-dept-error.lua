-- other-dept-error.lua - 刘先生：营业部又弄错了，账户买不了也卖不出（愤怒的投诉客户）
--
-- 出处：seeds/000 第五章《客户服务》教学案例"客户服务案例分析"，
--   案例三"如果别人错了，客户有情绪，我怎么办？"。客户："唉呀，你们的XX怎么又错了？
--   现在买也买不了，卖也卖不出，你们干什么吃的？我要销户！"
--   回答一："这是他们XX部门的事，我也没办法。"回答二："你骂我干什么？又不是我搞错的……"
--   课程的分析：这时客户的需求有两个方面——情感方面，需要宣泄不满的情绪；
--   业务方面，希望能立刻解决或知道何时能解决问题。两位服务人员都没有站在客户立场考虑问题。
--   （处理方法取自同章案例一：承担下来，联系相关部门，承诺时间，及时答复，表示歉意。）
--
-- 学员要做（requires）：acknowledge 让他把火发出来，用"是是是""您说得对"、复述"又出错了"
--   接住他；apologize 替公司道歉（不分哪个部门）；own 由自己联系营业部运营主管、发紧急工单；
--   deadline 给出恢复交易的具体时间（半小时内、十点半前）；follow_up 恢复后回电告诉他。
--   他还会问今天的损失怎么算：替他提交损失核查、申请佣金减免（compensate）就是回答。
--   加分：劝住他先别销户；确认联系电话。
--   让他更火的：推给营业部（"他们部门的事""您打营业部电话问问""我们系统没问题"）、
--   "我也没办法"、顶嘴（"你骂我干什么""又不是我搞错的"）、"股市有风险"、
--   把气话当真去讲销户手续；光说"反馈给相关部门，请耐心等待"。
--
-- 结局：resolved   情绪接住了，有人负责、有时间、会回电，损失也有说法 → 他先不销户，等电话；
--       escalated  推诿、"没办法"把他的耐心耗光 → 要营业部经理回电、打12386投诉；
--       churned    顶嘴、指责、说教、讲销户手续把他的耐心耗光 → 销户，钱转走；
--       unresolved 不吵不推却一直没办成（沉默、重复、轮数用完）→ 他自己跑营业部。

local REQUIRES = { "apologize", "acknowledge", "own", "deadline", "follow_up" }

local L = {
  react = {
    forbidden = {
      ["推诿"] = {
        "营业部不是你们公司的？我管你哪个部门！",
        "你们一个公司的，踢什么皮球？",
        "我打的是你们恒信的电话，别跟我说部门！",
      },
      ["拒绝"] = {
        "没办法？没办法你们就随便锁我的账户？",
        "你们没办法，那我的股票怎么办？",
      },
      ["争辩"] = {
        "我骂你怎么了？你们公司搞错了，我不找你找谁？",
        "你还有理了？我的股票在跌！",
      },
      ["指责客户"] = {
        "怎么，还成我的错了？我就换了个身份证！",
        "我做错什么了？是你们把我锁了！",
      },
      ["质问/说教"] = {
        "你教育谁呢？",
        "你跟我讲道理？先把我的账户弄好！",
      },
      ["敷衍"] = {
        "你这是在打发我！",
        "又是这一套！",
      },
      default = { "你这什么态度！", "你们就这么对客户？" },
    },
    empty = { "喂？人呢？说话！", "你倒是说话啊！我的股票还在跌！" },
    repeated = { "这话你说过了！", "你是复读机吗？" },
    calmer = {
      "……哼，你知道就好。",
      "我也不是冲你一个人，实在是太气人了。",
      "唉，我这火一上来……你说吧。",
    },
  },
  closing = {
    "行啊，你们巴不得我走是吧？",
    "我说销户你还真给我讲手续？",
  },
  -- what he has to get off his chest, in order
  vent = {
    "三周前换三方存管，也是你们营业部弄错的，资金冻了我一整天！这才几天，又来！",
    "我手里两千股华晨科技，一开盘就跌了四个点，我想卖卖不出去，眼睁睁看着它往下掉！你说我急不急？",
  },
  cut = { "你先别跟我扯这些！", "你先听我说完！" },
  again = { "对，又！这是第二回了！", "就是！一回两回的，谁受得了？" },
  kept = {
    "……销不销户，看你们今天怎么办。",
    "哼，先别跟我说销不销户，你先把事办了。",
  },
  facts = {
    what = "一开盘就下不了单，系统提示'账户状态异常，禁止交易'。买也买不了，卖也卖不出！",
    recent = "上礼拜五我去营业部换了新身份证，就是更新个资料，怎么就把我账户给锁了？",
    again = "我刚才不是都说了吗？",
  },
  steps = {
    own = {
      "好，你现在就去找他们！我在电话这头等着。",
      "这还像句话。你给我盯着他们改！",
    },
    relay = {
      "反馈？上次也是'反馈'，冻了我一整天！",
      "'耐心等待'？我的股票可不等我！",
    },
    deadline_at = { "%s？好，我看着表呢。", "行，%s，过了点我再打过来。" },
    deadline = { "行，我看着表呢。", "好，就这个时间。" },
    deadline_noown = "时间你说了，到底谁去弄？",
    follow_up = { "好，弄好了你打给我，别让我一遍遍地试。", "行，恢复了第一时间告诉我。" },
    contact = "就打我这个手机，138 0571 3362。",
  },
  loss_q = {
    "还有，今天跌的这四个点，算谁的？",
    "我今天卖不出去，亏的钱怎么算？",
  },
  loss_ok = {
    "核查就核查，该谁的责任谁担。",
    "行，这个你们得给我个说法，我等营业部经理电话。",
  },
  loss_again = "我问的损失，你还没回答我。",
  need = {
    own = {
      "你就说，现在能不能给我弄好？",
      "我不要听别的，谁去弄？什么时候能让我交易？",
    },
    deadline = {
      "要多久？我等不起，股票还在跌！",
      "你给我个准点，几点能恢复？",
    },
    follow_up = {
      "弄好了谁通知我？又让我自己一遍遍地试？",
      "恢复了你打电话告诉我，还是我自己试？",
    },
    apologize = { "你们错了两回了，连句对不起都没有？" },
  },
  need_again = {
    own = { "我再问一遍：你们管不管？" },
    deadline = { "几点？你给我个点！" },
    follow_up = { "恢复了到底谁告诉我？" },
    apologize = { "一句对不起就这么难说？" },
  },
  offtopic = { "你说什么呢？我的账户！", "别扯别的，我现在交易不了！" },
  idle = { "……你倒是说啊，怎么办？", "然后呢？" },
  warn = {
    runaround = "你再推，我就打12386投诉你们！",
    rude = "你再这个态度，我现在就去营业部销户！",
  },
  ending = {
    resolved = {
      "行，我就等这一回。弄好了马上打给我。……刚才火大，话说重了。",
      "好，我先不销户。你们要是再错第三回，谁说也没用。",
    },
    -- %s: the time the trainee promised, with 之前/内 as it needs
    resolved_at = "好，%s我等你电话。这回再出错，我可真销户了。",
    escalated = {
      "跟你说不清！叫你们营业部经理给我打电话，我还要打12386投诉你们！",
      "你们一个推一个，我这就投诉，投到证监会去！",
    },
    churned = {
      "行，你们就这态度是吧？销户！我明天就去营业部，钱全转走！",
      "不用弄了，我今天收盘就去销户，换家证券公司。",
    },
    unresolved = {
      "算了，跟你说半天也没用，我自己去营业部找他们。",
      "我没工夫跟你耗了，我自己跑一趟营业部。",
    },
    grudging = "……行吧，我等着。要是再出错，我真的销户。",
  },
}

local W = {
  again = { "又给您", "又让您", "又出", "再次", "第二次", "第二回", "两次", "两回", "上次",
            "三周前", "三方存管", "又一次", "接连", "又错" },
  keep = { "先别销户", "别急着销户", "不要销户", "不用销户", "先不要销户", "别销户",
           "先不销户", "给我们一次机会", "再给我们一次", "先别急着" },
  branch = { "营业部", "运营", "主管", "紧急工单", "工单", "恢复", "解除", "解锁" },
  relay = { "反馈给", "反映给", "转给", "转达", "上报", "提交给", "交给相关", "相关部门" },
  personal = { "我来", "我负责", "我亲自", "由我", "我马上", "我现在就", "我这就", "我立刻" },
  loss = { "损失", "核查", "赔", "补偿", "佣金", "减免" },
  times = { "半小时", "半个小时", "30分钟", "三十分钟", "20分钟", "二十分钟", "一小时",
            "一个小时", "午盘前", "收盘前", "下午开盘前", "10点半", "10点", "十点半",
            "十点", "11点", "十一点" },
  what = { "什么提示", "什么情况", "怎么回事", "具体", "提示什么", "什么问题", "报什么" },
  recent = { "办过", "办理过", "最近", "身份证", "资料", "换证" },
  topic = { "您好", "你好", "喂", "刘先生", "账户", "交易", "营业部", "恢复", "股票", "销户",
            "买", "卖", "限制", "锁", "查", "处理" },
}

-- runaround makes him complain; talking back or lecturing makes him close the account
local RUNAROUND = { ["推诿"] = true, ["拒绝"] = true }

local function init(state)
  local m = state.memo
  if m.runaround == nil then
    m.runaround, m.rude, m.offtopic = 0, 0, 0
    m.heard = false     -- his anger has been received (empathy, apology, "是是是")
    m.vented = 0        -- pieces of L.vent he has got off his chest
    m.loss = "no"       -- "no", "asked" (his question open) or "answered"
    m.warned = false
  end
  return m
end

local function bad_end(state)
  local m = state.memo
  if m.runaround + m.rude == 0 then
    return crm.vary(state, "end", L.ending.unresolved), "unresolved"
  end
  if m.runaround > m.rude then
    return crm.vary(state, "end", L.ending.escalated), "escalated"
  end
  return crm.vary(state, "end", L.ending.churned), "churned"
end

local function has_id(list, id)
  for _, f in ipairs(list or {}) do
    if f.id == id then return true end
  end
  return false
end

return {
  id = "other-dept-error",
  title = "刘先生：营业部又弄错了，账户买不了也卖不出",
  chapter = 5,
  kind = "angry",
  summary = "营业部又一次操作失误，客户的账户被限制交易，股票眼看着往下跌。错不在你，可他打的是你的电话：先让他把火发出来，再告诉他什么时候能好。",
  customer = {
    name = "刘先生",
    profile = "刘志刚，52岁，开五金建材店，炒股十五年，急脾气、嗓门大，气头上什么话都说得出来，气消了也讲道理。",
  },
  brief = "你是恒信证券客服热线的座席。来电的刘先生（资金账号尾号5521，人民路营业部开户）。\n"
    .. "系统显示：他的账户今天早上8:50被人民路营业部运营岗设为\"限制交易（资料待核）\"，开盘后的委托全部被拒；"
    .. "原因是营业部上周五给他办身份证换证资料更新时勾错了状态。三周前他变更三方存管银行时，营业部也出过一次错，资金冻结了一天。\n"
    .. "你的权限：你不能直接改账户状态，但可以发紧急工单，并直接打电话给营业部运营主管陈主管，营业部核实后一般30分钟内恢复交易；"
    .. "因营业部差错造成的损失，可以替他提交\"损失核查申请\"，营业部经理两个工作日内联系他；还可以为他申请本月交易佣金减免。",
  opening = {
    "唉呀，你们营业部怎么又错了？现在买也买不了，卖也卖不出，你们干什么吃的？我要销户！",
    "喂！我账户又被你们锁了！一开盘就下不了单，买也买不了卖也卖不出！上个月刚错过一回，你们到底干什么吃的？我要销户！",
    "你们是怎么回事？又错了！我现在股票买不了也卖不出，眼看着往下跌！你们干什么吃的？这户我不开了，销户！",
  },
  mood = 20,
  patience = 3,
  requires = REQUIRES,
  max_turns = 12,
  outcomes = {
    resolved = { label = "情绪平复，等恢复交易的回电", score = 100 },
    escalated = { label = "要营业部经理回电，打12386投诉", score = 20 },
    churned = { label = "一气之下销户，资金转走", score = 0 },
    unresolved = { label = "没办成，他自己跑营业部", score = 30 },
  },

  hints = function(state)
    local m = state.memo
    if not m.heard then
      return "他正在气头上，先别讲原因、别问账号：用“是是是，您说得对”“又给您添麻烦了，真的非常抱歉”接住他的火，让他说完。"
    end
    if m.loss == "asked" then
      return "他问今天的损失怎么算：告诉他你会替他提交损失核查申请，营业部经理两个工作日内联系他，也可以为他申请佣金减免。"
    end
    return crm.hint(state, { "apologize", "acknowledge", "own", "deadline", "follow_up" }, {
      apologize = "不管是哪个部门错的，客户面对的是公司：替公司向他道歉。",
      acknowledge = "让他知道你听见了：复述“又出错了”“上次三方存管也冻了一天”。",
      own = "别说“这是营业部的事”：说“我马上联系营业部运营主管，发紧急工单给您恢复交易”。",
      deadline = "给一个具体时间：30分钟内、十点半之前恢复交易。",
      follow_up = "告诉他恢复后你会第一时间给他回电话，不用他一遍遍去试。",
    }, "都做到了：复述一遍你的安排，劝他先别销户。")
  end,

  on_reply = function(state, reply)
    local m = init(state)
    local out, later = {}, {}
    local calm_idx
    local live = not reply.empty and not reply.repeated

    -- 1. tone
    local line, kind, worst = crm.react(state, reply, L.react, { per_severity = 6 })
    local new = crm.credit(state, reply)
    local closing = has_id(reply.forbidden, "other-dept-error-closing-procedure")
    if kind == "forbidden" then
      if RUNAROUND[worst.category] and not closing then m.runaround = m.runaround + 1
      else m.rude = m.rude + 1 end
      if closing then line = crm.vary(state, "closing", L.closing) end
    end
    -- his 销户 was anger; handled as a request, it becomes a decision
    if closing and state.mood < 40 then
      out[#out + 1] = line
      return crm.finish(out, crm.vary(state, "end", L.ending.churned), "churned")
    end
    if kind ~= "empathy" and line then out[#out + 1] = line end
    if crm.exhausted(state) or state.mood <= 0 then return crm.finish(out, bad_end(state)) end
    if kind == "empty" or kind == "repeated" then return table.concat(out) end
    local bad = kind == "forbidden"

    -- "反馈给相关部门，请耐心等待" is nobody owning it
    local relays = live and crm.mentions(reply, W.relay) and not crm.mentions(reply, W.personal)
    if relays and crm.has(new, "own") then
      state.steps.own = nil
      for i = #new, 1, -1 do if new[i] == "own" then table.remove(new, i) end end
    end
    local owns = crm.has(new, "own")
      or (not bad and not relays and not crm.done(state, "own")
          and crm.mentions(reply, W.personal) ~= nil and crm.mentions(reply, W.branch) ~= nil)
    if owns then crm.mark(state, "own") end

    -- 2. the emotional side: let him vent, take the anger
    local listening = not bad and (kind == "empathy" or crm.said(reply, "apologize")
                                   or crm.said(reply, "acknowledge"))
    local business = crm.said(reply, "own") or crm.said(reply, "ask") or crm.said(reply, "explain")
                     or crm.said(reply, "deadline")
    local progress = #new > 0
    if crm.has(new, "apologize") then
      crm.adjust(state, 8)
    end
    if not bad and crm.mentions(reply, W.again) and crm.once(state, "again") then
      crm.mark(state, "acknowledge")
      crm.adjust(state, 5)
      listening = true
      out[#out + 1] = crm.vary(state, "again", L.again)
    end
    if not bad and crm.mentions(reply, W.keep) and crm.once(state, "kept") then
      crm.adjust(state, 5)
      listening = true
      progress = true
      out[#out + 1] = crm.vary(state, "kept", L.kept)
    end
    if listening then
      if kind == "empathy" then crm.mark(state, "acknowledge") end
      if not m.heard then
        m.heard = true
        crm.adjust(state, 6)
      end
      if kind == "empathy" and #out == 0 then
        out[1] = line
        calm_idx = 1    -- dropped if he hangs up satisfied this turn
      end
    end
    if not bad and m.vented < #L.vent and (listening or not m.heard) then
      -- he goes on about it; cut off first if nobody took his anger
      m.vented = m.vented + 1
      if not m.heard and business then
        crm.adjust(state, -3)
        out[#out + 1] = crm.vary(state, "cut", L.cut)
      end
      out[#out + 1] = L.vent[m.vented]
      progress = true
    end

    -- 3. the business side: who, when, and telling him
    if relays and not bad and not crm.done(state, "own") then
      crm.penalize(state, -6, 1)
      m.runaround = m.runaround + 1
      out[#out + 1] = crm.vary(state, "relay", L.steps.relay)
      if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
    end
    if owns and crm.once(state, "owned") then
      crm.adjust(state, 10)
      progress = true
      out[#out + 1] = crm.vary(state, "own", L.steps.own)
    end
    if crm.has(new, "deadline") then
      progress = true
      if crm.done(state, "own") then
        crm.adjust(state, 8)
        m.at = crm.when(reply, W.times)
        later[#later + 1] = m.at and string.format(crm.vary(state, "deadline", L.steps.deadline_at), m.at)
                            or crm.vary(state, "deadline", L.steps.deadline)
      else
        crm.adjust(state, 3)
        later[#later + 1] = L.steps.deadline_noown
      end
    end
    if crm.has(new, "follow_up") then
      crm.adjust(state, 5)
      later[#later + 1] = crm.vary(state, "follow_up", L.steps.follow_up)
    end
    if crm.has(new, "contact") then
      crm.adjust(state, 3)
      later[#later + 1] = L.steps.contact
    end
    -- his loss: a loss check or a fee waiver answers it
    local answers_loss = not bad and (crm.has(new, "compensate") or crm.mentions(reply, W.loss))
    if answers_loss and m.loss ~= "answered" then
      m.loss = "answered"
      crm.mark(state, "compensate")
      crm.adjust(state, 8)
      progress = true
      later[#later + 1] = crm.vary(state, "loss", L.loss_ok)
    end
    if crm.has(new, "thank") then crm.adjust(state, 2) end

    -- facts, when he is asked
    if live and not bad and m.heard and (crm.said(reply, "ask") or crm.is_question(reply)) then
      if crm.mentions(reply, W.what) and crm.once(state, "what") then
        out[#out + 1] = L.facts.what
        progress = true
      elseif crm.mentions(reply, W.recent) and crm.once(state, "recent") then
        out[#out + 1] = L.facts.recent
        progress = true
      end
    end

    -- 4. off topic
    if not kind and not progress and not relays and crm.offtopic(reply, W.topic) then
      m.offtopic = m.offtopic + 1
      if m.offtopic > 1 then crm.penalize(state, -5, 1) end
      out[#out + 1] = crm.vary(state, "offtopic", L.offtopic)
      if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
      return table.concat(out)
    end

    -- 5. done? heard, owned, dated, told, his loss answered, and cooled down
    if crm.all_done(state, REQUIRES) and m.heard and m.loss == "answered" and state.mood >= 45 then
      if calm_idx then table.remove(out, calm_idx) end
      if m.at then
        local at = m.at
        if crm.mentions({ norm = at }, { "分钟", "小时" }) then at = at .. "内"
        elseif not crm.mentions({ norm = at }, { "前" }) then at = at .. "之前" end
        return crm.finish(out, string.format(L.ending.resolved_at, at), "resolved")
      end
      return crm.finish(out, crm.vary(state, "end", L.ending.resolved), "resolved")
    end
    for _, l in ipairs(later) do out[#out + 1] = l end

    -- kind words and nobody acting: he goes to the branch himself
    if state.turn >= 7 and not crm.done(state, "own") then
      return crm.finish(out, crm.vary(state, "end", L.ending.unresolved), "unresolved")
    end

    -- 6. what he still wants (not while he is still getting it off his chest)
    if not bad and not relays and m.vented >= #L.vent then
      local need = crm.first_missing(state, { "own", "deadline", "follow_up" })
      -- nobody has taken his anger yet: that comes first
      if not m.heard and not crm.done(state, "apologize") then need = "apologize" end
      if not need and m.loss == "no" then
        m.loss = "asked"
        out[#out + 1] = crm.vary(state, "loss_q", L.loss_q)
      elseif not need and m.loss == "asked" and not progress then
        out[#out + 1] = L.loss_again
      else
        if not need and not crm.done(state, "apologize") then need = "apologize" end
        if need then
          local again = not progress and L.need_again[need] or nil
          local say, insisted = crm.nag(state, need, L.need[need], again)
          if insisted then crm.adjust(state, -3) end
          out[#out + 1] = say
        end
      end
    end
    if state.mood < 12 and not m.warned and m.runaround + m.rude > 0 then
      m.warned = true
      out[#out + 1] = m.runaround > m.rude and L.warn.runaround or L.warn.rude
    end
    if #out == 0 then out[1] = crm.vary(state, "idle", L.idle) end
    return table.concat(out)
  end,

  on_timeout = function(state)
    local m = state.memo
    if crm.all_done(state, { "own", "deadline" }) and m.heard and state.mood >= 35 then
      return L.ending.grudging, "resolved"
    end
    return bad_end(state)
  end,

  lexicon = {
    classes = {
      OSELF = { "我", "我们", "咱们", "我这边", "我们这边" },
      OYOU = { "您", "你", "您们", "你们" },
    },
    forbidden = {
      {
        id = "other-dept-error-closing-procedure",
        category = "敷衍",
        severity = 3,
        patterns = {
          "销户 ..8 需要|要|得|必须 ..8 本人|身份证|营业部|柜台|手续",
          "销户 ..4 手续|流程|材料",
          "{OYOU} 要 销户 ..6 不拦|随便|可以|请便|没问题",
          "^ 那? {OYOU} 确定 要 销户 吗?",
        },
        why = "“我要销户”是客户的气话，是在宣泄不满；把它当成业务去讲销户手续，等于告诉客户“你走吧”。案例三的客户需要的是情绪被接住、问题有人解决。",
        better = "您先别急着销户，这次是我们的错，我马上联系营业部给您恢复交易，半小时内给您回电话。",
        source = "seed 000 第五章 案例三（我要销户！）",
        examples = { "销户的话需要您本人带身份证到营业部办理", "您要销户我们也不拦着", "销户手续我可以跟您说一下", "您确定要销户吗" },
        near = { "您先别急着销户，我马上帮您恢复交易", "销户的事先放一放，我先把账户给您弄好", "不用销户，我现在就处理" },
      },
      {
        id = "other-dept-error-their-operation",
        category = "推诿",
        severity = 2,
        patterns = {
          "营业部|柜台|运营|他们|那边 ..4 操作|弄|搞|设置|改 的 $",
          "{OSELF} ..2 看不到|不知道|不清楚 ..2 原因",
          "{OSELF} ..2 系统 没有? 问题|没出错|没错",
        },
        why = "“是营业部那边操作的”“我们系统没问题”是在撇清自己、把错推给别的部门；客户面对的是整个公司，案例三的回答一就是这样把客户推开的。",
        better = "这是我们公司的差错，给您添麻烦了；我马上联系营业部运营主管给您恢复交易。",
        source = "seed 000 第五章 案例三 回答一（这是他们XX部门的事）",
        examples = { "营业部那边操作的", "是营业部弄的", "我们这边看不到原因", "我们系统没有问题" },
        near = { "是营业部操作失误，这是我们公司的责任", "我马上找营业部查原因", "我们系统显示您的账户被限制了" },
      },
      {
        id = "other-dept-error-call-branch",
        category = "推诿",
        severity = 2,
        patterns = {
          "^ 那? {OYOU} 可以? 直接? 自己? 打|联系|找|问|去 ..4 营业部|柜台|运营部|客户经理",
        },
        why = "让正在气头上的客户自己去找营业部，是把他推到别的部门；应当由自己联系营业部，确定解决时间后告诉客户。",
        better = "您不用跑，我现在就打给营业部运营主管，恢复了马上给您回电话。",
        source = "seed 000 第五章 案例三；案例一（随后与相关部门进行联系）",
        examples = { "您可以直接打营业部的电话问一下", "您去营业部问问吧", "你联系一下你的客户经理" },
        near = { "我帮您打营业部的电话", "我马上联系营业部", "您不用去营业部，我来处理" },
      },
      {
        id = "other-dept-error-market-risk",
        category = "争辩",
        severity = 2,
        patterns = {
          "股市|炒股|投资|股票 ..2 有 风险",
          "涨跌 ..4 正常|很正常|自己承担|自负",
          "损失 ..6 不负责|不管|不赔|赔不了|负责不了|没法赔",
        },
        why = "账户是公司锁错的，这时说“股市有风险”“损失我们不负责”是在跟客户争责任；客户需要知道损失怎么处理，而不是被教育。",
        better = "今天因为账户限制造成的损失，我帮您提交损失核查申请，营业部经理两个工作日内联系您。",
        source = "seed 000 第五章 案例三（没有站在客户立场考虑问题）",
        examples = { "股市有风险", "股票涨跌很正常", "您的损失我们不负责" },
        near = { "您今天的损失我帮您提交核查", "我们负责给您核查损失", "风险提示我们以后会改进" },
      },
      {
        id = "other-dept-error-only-phone",
        category = "推诿",
        severity = 2,
        patterns = {
          "{OSELF} ..3 只 负责|管 ..2 接电话|接线|登记|记录|转达",
        },
        why = "“我们只负责接电话”告诉客户没人管他的事；电话是你接的，这件事就由你跟到底。",
        better = "电话是我接的，这件事我负责跟到底：我现在就联系营业部。",
        source = "seed 000 第五章 案例一/案例三（只是正好接到这个电话）",
        examples = { "我们这边只负责接电话", "我只管登记" },
        near = { "我负责把这件事跟到底", "我来登记并马上联系营业部" },
      },
    },
    steps = {
      {
        id = "other-dept-error-contact-branch",
        step = "own",
        patterns = {
          "{OSELF} ..4 联系|找|催|通知|协调|打给|打电话给 ..4 营业部|运营|主管|陈主管",
          "紧急 工单",
          "{OSELF} ..4 帮 {OYOU} ..2 恢复|解除|解锁|改回|改过来",
        },
        examples = { "我马上联系营业部运营主管", "我已经发了紧急工单", "我现在就帮您恢复交易", "我这就打给陈主管" },
        near = { "您联系营业部", "营业部会联系您", "营业部那边操作的" },
      },
      {
        id = "other-dept-error-market-time",
        step = "deadline",
        patterns = {
          "午盘|下午开盘|收盘|十点|十一点 ..2 前|之前|以前",
        },
        examples = { "午盘开盘前一定给您恢复", "收盘前一定恢复", "十点之前恢复交易" },
        near = { "开盘后就下不了单", "收盘以后再说" },
      },
      {
        id = "other-dept-error-loss",
        step = "compensate",
        patterns = {
          "损失 ..4 核查|申请|赔|补偿|承担",
          "佣金 ..4 减免|优惠|免",
        },
        examples = { "我帮您提交损失核查申请", "给您申请本月佣金减免", "您的损失我们来承担" },
        near = { "您的损失是多少", "佣金是万分之二点五" },
      },
    },
  },

  tests = {
    { name = "good",
      seed = 7,
      replies = {
        "是是是，刘先生您说得对，又出这种错，换了谁都会生气。真的非常抱歉，又给您添麻烦了。",
        "嗯，我明白，三方存管那次冻了一天，这次又让您没法交易，这是我们公司的错，不分哪个部门。",
        "您先别急着销户。我现在就打电话给营业部运营主管，同时发紧急工单，这件事由我负责跟到底。",
        "30分钟之内给您恢复交易，恢复后我马上给您回电话。",
        "今天因为账户被限制造成的损失，我帮您提交损失核查申请，营业部经理两个工作日内联系您，本月的佣金我也给您申请减免。",
      },
      outcome = "resolved", score = { 75, 100 },
      findings = { "apologize", "yes-yes-yes", "own", "deadline", "follow_up", "other-dept-error-loss" },
      absent = { "other-dept-matter", "why-scold-me" },
    },
    { name = "bad (answer one)",
      seed = 7,
      replies = {
        "这是他们营业部的事，我也没办法。",
      },
      outcome = "escalated", score = { 0, 35 },
      findings = { "other-dept-matter", "nothing-i-can-do" },
    },
    { name = "bad (answer two)",
      seed = 4,
      replies = {
        "您先说一下您的资金账号。",
        "你骂我干什么？又不是我搞错的。",
      },
      outcome = "churned", score = { 0, 35 },
      findings = { "why-scold-me", "not-my-fault" },
    },
    { name = "mixed (listens, then pushes him off)",
      seed = 3,
      replies = {
        "您好，您先别生气，非常抱歉给您带来不便。",
        "嗯，我明白，又给您添麻烦了。",
        "这个问题我们已经反馈给相关部门了，请您耐心等待。",
        "营业部那边操作的，我们这边看不到原因，您可以直接打营业部的电话问一下。",
        "我们这边只负责接电话，营业部的事我们也管不了。",
      },
      outcome = "escalated", score = { 30, 74 },
      findings = { "dont-worry", "other-dept-error-their-operation", "other-dept-error-call-branch" },
    },
    { name = "mixed (takes the 销户 literally)",
      seed = 5,
      replies = {
        "刘先生，真的很抱歉，我理解您的心情。",
        "是的，我明白，又出错了。",
        "您确定要销户吗？销户的话需要您本人带身份证到营业部办理。",
      },
      outcome = "churned", score = { 20, 74 },
      findings = { "other-dept-error-closing-procedure", "apologize" },
    },
    { name = "polite, never acts",
      seed = 2,
      replies = {
        "刘先生，我理解您的心情。",
        "是的，您说得对。",
        "嗯。",
        "嗯。",
        "嗯。",
        "嗯。",
      },
      outcome = "unresolved", score = { 40, 74 },
      findings = { "understand-feelings", "yes-yes-yes" },
      absent = { "own" },
    },
    random = 20,
  },
}
