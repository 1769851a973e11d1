-- aircon-repeat.lua - 李先生：等了两个月配件的空调老客户（流失风险）
--
-- 出处：seeds/000 第六章《客户满意度管理》教学案例"如何提高客户满意度"。
--   2004年5月一次买了3台空调，促销承诺一机一张金卡（保修3年延长为5年），
--   只给了1张，单据上注明"欠金卡两张"；2006年客厅柜机用掉了那张金卡；
--   2008年主卧那台天一热就罢工，室外风机停了不能自动重启，换传感器自费200多块；
--   每次报修都要重报姓名、电话、地址、型号、故障；维修工说控制器坏了，
--   "申请配件，两周吧"，结果快两个月后等来的是一个回访电话。客服态度一直很好，
--   但"对于如何解决我的问题，她们无能为力"，他决定"明年换台空调得了"。
--   课程的结论：缺少问题升级流程——第二次报修就该升级、派高手，并兑现承诺。
--   本课放在第八章《客户流失与客户保持》。
--
-- 学员要做（requires）：apologize 道歉，acknowledge 表明记录都看过了、复述他的遭遇
--   （不要再让他报一遍姓名地址型号故障），own 这件事我负责，并升级给高级技师/
--   技术主管，deadline 具体的上门/答复时间（别再说"两周""耐心等待"），
--   compensate 兑现"欠金卡两张"或退还那200多块。加分：follow_up 修好后回访。
--   让他更失望的：再问一遍个人信息或故障、"再等等""尽快"、"再派个师傅上门看看"、
--   "我都记下了""反馈给相关部门"（每个客服都这么说过）；
--   让他要投诉的：推诿（那是维修部门/商场的事）、"只认金卡""过了保修期"、争辩。
--
-- 结局：resolved   有人负责、升级给高级技师、给了时间、兑现金卡 → 他再信一次；
--       escalated  推诿、搬规定、争辩 → 他正式投诉；
--       churned    客客气气却没人负责（拖、再派人、再登记一遍；或6轮后还没人说
--                  "我负责"）→ "明年换个牌子"；轮数用完也是这个结局。

local REQUIRES = { "apologize", "acknowledge", "own", "deadline", "compensate" }

local L = {
  react = {
    forbidden = {
      ["推诿"] = {
        "又是别的部门的事。我买的是你们的空调，我找谁？",
        "我打了一个夏天的电话，每个人都说不归他管。",
      },
      ["拒绝"] = {
        "不行，不能，没办法……这三个词我今年听够了。",
        "你们什么都不行，那我这空调买来干什么？",
      },
      ["指责客户"] = {
        "怪我？我连故障规律都替你们摸清楚了。",
        "哦，又成我的问题了。",
      },
      ["质问/说教"] = {
        "你不用给我讲流程，你们的流程我比你熟。",
        "这些道理我都懂，我就想让空调能用。",
      },
      ["争辩"] = {
        "我不跟你争。你们有理，我有一台不制冷的空调。",
        "行，你说得都对。",
      },
      ["敷衍"] = {
        "嗯，又是这种话。",
        "你这话说了跟没说一样。",
      },
      default = { "唉……", "你们就是这么回访的？" },
    },
    empty = { "喂？……信号不好？", "你还在吗？", "……喂？" },
    repeated = {
      "这句你刚说过。",
      "你们是不是都背同一张稿子？",
    },
    calmer = {
      "……你这么说，我心里倒是舒服点。",
      "你们客服态度一直都挺好，这我承认。",
      "唉，我也知道不是你的错。",
    },
  },
  reask = {
    info = {
      "又要我报一遍？……李国华，锦绣花园3栋502，型号单子上都有。我每次打电话都报一遍，你们电脑里没有吗？",
      "你们打给我的回访电话，还要我报信息？姓名、地址、型号，工单上都写着呢。",
    },
    fault = {
      "故障我说了三遍了：天一热，室外机停了就起不来。工单上会没有吗？",
      "这个问题你们维修工、客服、主管，每个人都问过我一遍了。",
    },
    again = {
      "我都快成复读机了。你看看工单吧，我不想再说了。",
      "算了，你们自己查吧，我说了不下五遍了。",
    },
  },
  futile = {
    wait = {
      "又是等。上回说两周，这都快两个月了。",
      "再等？我这个夏天就是在等里过去的。",
    },
    soon = "'尽快'？上回的'尽快'是两周，这回呢？",
    note = {
      "记下了……每次打电话，你们都认真记下了。",
      "记录我信。可记完了呢？",
    },
    visit = {
      "天这么凉快了，派人来看，空调好好的，有用吗？",
      "再派人来？来了它又好好的，跟上次一样，换个零件碰运气。",
    },
    relay = {
      "反馈？这个夏天我的事被'反馈'了不下三次。",
      "转给相关部门……然后呢？又是等电话？",
    },
  },
  rules = {
    "规定，规定。单子上'欠金卡两张'是你们促销员亲手写的，这也不算数？",
    "维修员做不了主，主管只认金卡，那到底谁能做主？",
  },
  runaround = {
    "又是别的部门。我买的是你们的空调，我找谁？",
    "维修部门说等配件，客服说找维修部门，我在中间转了一个夏天。",
  },
  survey = {
    "满意？配件等了快两个月，人影都没见着，你说我满不满意？",
    "上次维修？上次维修工说'两周吧'，就再没下文了。",
  },
  filler = { "……嗯。", "你接着说。", "然后呢？" },
  offtopic = {
    "你说这些干什么？我就想知道我的空调怎么办。",
    "嗯……然后呢？我的控制器呢？",
  },
  steps = {
    apologize = {
      "……对不起我这个夏天听得多了。",
      "道歉我收下，可空调还是那样。",
      "嗯，你们客服态度一直挺好，就是事办不成。",
    },
    acknowledge = {
      "对，就是这么回事。你们电脑里总算有点记录。",
      "你都知道就好，省得我再说一遍。",
    },
    own = {
      "你负责？……好，我记住你了。",
      "这话两个月来我第一次听到。",
    },
    tech = {
      "高级技师？早该这样了。同一个毛病报修三次，就该派个能搞定的人。",
      "行，派个真懂的来，别再换个零件碰运气。",
    },
    upgrade = "升级？早该升级了，同一台机器报修三次。这回派个真懂的来。",
    deadline_at = {
      "%s？好，我记下了，这回别再是'两周'。",
      "%s是吧，我在家等着。",
    },
    deadline = { "好，我记下这个时间。", "行，就这个时间，我等着。" },
    card = {
      "欠金卡两张，你们总算认了。",
      "这张单子我留了四年，总算有人认账。",
      "对，就是这个。促销员签了字的，你们认了就好。",
    },
    refund = {
      "那200多块倒不是钱的事，是个说法。",
      "退那200多，我认这个理。",
    },
    gift = "送东西就不用了。单子上写着'欠金卡两张'，我要的是这个。",
    follow_up = { "修好了你再打来问我，那个回访我才认。", "好，修好了你再回个电话。" },
    explain = {
      "你们的难处我理解，可这不是我的问题。",
      "道理我懂，我就想知道这回怎么办。",
    },
  },
  need = {
    own = {
      "你就说，这事到底谁管？",
      "我就想知道，这回有没有人能把它修好。",
      "你们回访完了，这台空调归谁管？",
    },
    tech = {
      "还派上回那位师傅？同一个毛病他判断了三回，三回说法不一样。",
      "同一台机器报修三次了，还按第一次的流程走？",
    },
    deadline = { "这回要等多久？别再说两周。", "到底哪天能来？给我个日子。" },
    card = {
      "还有，单子上写着'欠金卡两张'，这个到底认不认？",
      "那欠我的两张金卡呢？要是有卡，这台也不用自己掏那200多。",
    },
    apologize = { "折腾了我一个夏天，你们连句对不起都没有。" },
    acknowledge = { "我的情况你们电脑里都有吧？还是又要我从头说？" },
  },
  need_again = {
    own = { "我问的是：这事谁管。你还没回答我。", "绕来绕去，到底有没有人管？" },
    tech = { "我再说一遍：别再派上回那位了。" },
    deadline = { "日子呢？你还是没说哪天。" },
    card = { "金卡的事，你认不认，给句话。" },
  },
  nobody = {
    "我听明白了，你人挺好，可谁也管不了这事。算了，明年换个牌子吧。",
    "你们客服也没办法，我不为难你。明年换台别的牌子得了。",
  },
  ending = {
    resolved_at = "行，我就再信你们一次。%s我在家等高级技师，修好了，欠我的金卡也给我补上。",
    resolved = {
      "好吧。这是两个月来第一次有人说这事归他管。我等你电话。",
      "行，我就再信你们一次。说到做到，明年我就不换牌子。",
    },
    escalated = {
      "行，你们有规定，我也有办法。我要正式投诉，你给我记下来：投诉。",
      "我不跟你说了。我要投诉，投到你们总部去。'欠金卡两张'是你们促销员亲笔写的。",
      "这事我必须投诉。你记下来：客户李国华，投诉，同一台机器报修三次没人管。",
    },
    churned = {
      "算了，我也不为难你，你们客服也没办法。明年换个牌子得了。",
      "唉，不修了。明年换台别的牌子，重新打眼就重新打眼吧。",
      "行了，空调我自己想办法吧。买了你们五台，这是最后一台。",
    },
    timeout = "今天看来也说不出个结果。算了，明年换个牌子吧。",
  },
}

local W = {
  topic = { "您好", "你好", "喂", "空调", "维修", "配件", "控制器", "金卡", "回访", "李先生", "工单",
            "师傅", "技师", "保修", "故障", "满意", "制冷", "室外机", "反馈", "部门",
            "情况", "处理" },
  info = { "姓名", "名字", "贵姓", "地址", "住址", "住在哪", "型号", "机型",
           "购买日期", "购机日期", "什么时候买", "哪年买", "电话号码", "电话是多少",
           "手机号是多少", "联系方式" },
  fault = { "故障现象", "什么故障", "什么问题", "哪里坏", "什么情况", "描述一下",
            "说一下情况", "再说一遍", "再讲一遍", "具体说说", "怎么坏的" },
  known = { "不用您再", "不需要您再", "不用再说", "不用再讲", "不用再报", "系统里有",
            "记录里有", "工单上有", "我这边有", "我都看到", "我都看过", "我看到了",
            "锦绣花园", "502", "李国华" },
  record = { "两个月", "两周", "待配件", "控制器", "传感器", "200", "欠金卡",
             "三次", "第三次", "好几次", "反复", "天一热", "天热", "室外机", "重启" },
  tech = { "高级技师", "技术主管", "高级工程师", "资深", "技术专家", "最好的师傅",
           "经验最丰富", "主管亲自", "专家", "升级" },   -- "升级" last: the plain word
  card = { "金卡", "延保", "保修延长", "五年保修", "5年保修" },
  honour = { "补", "兑现", "认账", "承认", "认可", "算数", "作数", "给您办", "申请",
             "发给您", "寄给您" },
  refund = { "200", "维修费", "修理费" },
  giveback = { "退", "返还", "报销", "还给您", "补偿" },
  rules = { "只认金卡", "过了保修", "过保", "超过保修", "保修期已过", "按规定",
            "公司规定", "规定就是", "没有权限", "无权", "做不了主" },
  runaround = { "不归我们管", "维修部门的事", "销售部门的事", "促销员的事", "商场的事",
                "找商场", "找维修部门", "问维修部门", "回访这边管不了", "我们管不了",
                "催不了", "帮不了", "管不着", "没有办法", "没办法" },
  note = { "记下了", "记下来", "登记一下", "记录一下", "都记录了", "做好记录" },
  relay = { "反馈给", "反映给", "转给", "转达", "上报", "提交给", "交给相关" },
  personal = { "我来", "我负责", "我亲自", "由我", "我马上", "我现在就", "我今天" },
  survey = { "满意", "评价", "打分", "维修情况", "维修怎么样", "上次维修", "做个回访",
             "回访一下", "例行回访" },
  survey_call = { "回访" },
  callback = { "回电", "回个电话", "给您回", "再打给您", "再给您打", "通知您",
               "告诉您结果", "修好以后", "修好后", "上门后" },
  visit = { "派人", "派师傅", "派个师傅", "上门看", "上门检查", "再去看", "过去看看" },
  wait = { "耐心等", "再等等", "等通知", "等配件到", "配件到了就", "尽快", "尽量" },
  times = { "今天下午", "今天晚上", "明天上午", "明天下午", "明天", "后天",
            "这周六", "周六", "这周日", "周日", "周五", "三天内", "本周内", "这周",
            "下周一", "48小时", "24小时" },
}

local RUDE = { ["指责客户"] = true, ["质问/说教"] = true, ["争辩"] = true }

local function init(state)
  local m = state.memo
  if m.reasks == nil then
    m.reasks = 0        -- times he was asked again for what they already have
    m.futile = 0        -- polite but useless turns (wait, visit, re-asks)
    m.rules = 0         -- rules and runaround (推诿, 拒绝, 规定)
    m.tech = false      -- escalated to a senior technician
    m.card = false      -- the 欠金卡 promise honoured
    m.refund = false    -- the 200多块 refunded
    m.offtopic = 0
  end
  return m
end

-- He gives up: a formal complaint when he was fobbed off with rules,
-- a quiet goodbye to the brand when everyone was nice and nobody acted.
local function bad_end(state)
  local m = state.memo
  if m.rules > m.futile then
    return crm.vary(state, "end", L.ending.escalated), "escalated"
  end
  return crm.vary(state, "end", L.ending.churned), "churned"
end

-- True when the reply asks him again for what the company already has.
local function reask_kind(reply)
  if crm.mentions(reply, W.known) then return nil end
  if not (crm.said(reply, "ask") or crm.is_question(reply)) then return nil end
  if crm.mentions(reply, W.info) then return "info" end
  if crm.mentions(reply, W.fault) then return "fault" end
  return nil
end

return {
  id = "aircon-repeat",
  title = "李先生：等了两个月配件的空调老客户",
  chapter = 8,
  kind = "churn",
  summary = "一个夏天报修三次、等配件等了两个月的老客户，接到的却是一个回访电话。他没有大吵大闹，只是快要不再相信这个牌子了。",
  customer = {
    name = "李先生",
    profile = "李国华，四十出头，前后买过这个牌子5台空调。说话不急，带着疲惫和讽刺；最烦一遍遍报自己的信息。",
  },
  brief = "你是某空调品牌客服中心的回访专员，按系统派单给李先生打回访电话。\n"
    .. "工单：7月报修主卧挂机（当年促销的主力机型）天热时停机、室外风机停了不能自动重启；"
    .. "维修工判断控制器坏了，说'申请配件，大约两周'，工单至今'待配件'，已近两个月。\n"
    .. "客户档案（系统里都有）：李国华，锦绣花园3栋502；2004年5月一次买了3台，此前还买过本品牌2台；"
    .. "购机单上促销员注明'欠金卡两张'（金卡：整机保修由3年延长为5年）；"
    .. "2006年客厅柜机用唯一一张金卡免费修过；2008年6月主卧这台换传感器、加氟，过了3年保修，自费200多元；"
    .. "这台机器今年已报修三次。\n"
    .. "你的权限：把工单升级给高级技师（技术主管）并指定上门时间、催配件；"
    .. "为他申请补发欠的两张金卡；申请退还6月那200多元维修费。",
  opening = {
    "喂？……回访？问我上次维修满不满意？呵呵，我等配件等了快两个月了，你们打电话来问我满不满意？",
    "哦，是你们啊。我还以为配件总算到了呢。维修工说两周，这都八月底了。",
    "回访是吧……我先问你一句：我主卧那台空调的控制器，到底还换不换了？",
  },
  mood = 30,
  patience = 3,
  requires = REQUIRES,
  max_turns = 12,
  outcomes = {
    resolved = { label = "有人负责到底，客户愿意再信一次", score = 100 },
    escalated = { label = "客户正式投诉", score = 20 },
    churned = { label = "客户客客气气地走了：明年换个牌子", score = 0 },
  },

  hints = function(state)
    local m = state.memo
    if (m.reasks or 0) > 0 and not crm.done(state, "acknowledge") then
      return "别再让他报姓名、地址、型号和故障：系统里都有。说“您的情况我都看过了”，再复述一遍他的遭遇。"
    end
    if crm.done(state, "own") and not m.tech then
      return "同一台机器同一故障报修三次，该升级了：告诉他你会把工单升级给高级技师/技术主管，不再让普通师傅反复判断。"
    end
    if crm.done(state, "compensate") and not m.card and not m.refund then
      return "他要的不是礼品，是“欠金卡两张”这句承诺：为他申请补发金卡，或退还6月那200多元维修费。"
    end
    return crm.hint(state, { "apologize", "acknowledge", "own", "deadline", "compensate" }, {
      apologize = "先为“两周变两个月”道歉：他等来的是回访，不是配件。",
      acknowledge = "让他知道你看过记录：复述三次报修、待配件两个月、自费200多元，别让他再说一遍。",
      own = "说“这件事由我负责跟到底”，并把工单升级给高级技师，而不是“再派个师傅看看”。",
      deadline = "给具体日子，比如“这周六上午高级技师上门”“周五前给您回电”，别再说“两周”“尽快”。",
      compensate = "兑现促销承诺：为他申请补发欠的两张金卡，或退还那200多元维修费。",
    }, "都做到了：复述一遍你的安排，告诉他修好后你会再回访。")
  end,

  on_reply = function(state, reply)
    local m = init(state)
    local out, later = {}, {}

    -- 1. tone
    local line, kind, worst = crm.react(state, reply, L.react, { per_severity = 7 })
    if kind == "forbidden" then
      if worst.category == "敷衍" then m.futile = m.futile + 1
      else m.rules = m.rules + 1 end
    end
    local live = not reply.empty and not reply.repeated
    local rules = live and (crm.mentions(reply, W.rules) and "rules"
                            or crm.mentions(reply, W.runaround) and "runaround")
    if rules then
      if kind ~= "forbidden" then
        crm.penalize(state, -10, 1)
        m.rules = m.rules + 1
      end
      if not (worst and RUDE[worst.category]) then line = crm.vary(state, rules, L[rules]) end
    end
    local rk = live and reask_kind(reply)
    local new = crm.credit(state, reply)
    -- the trainee is the 回访 caller: "我是回访专员" is no promise to call back
    if crm.has(new, "follow_up") and crm.mentions(reply, W.survey_call)
       and not crm.mentions(reply, W.callback) then
      state.steps.follow_up = nil
      for i = #new, 1, -1 do if new[i] == "follow_up" then table.remove(new, i) end end
    end
    -- "我们会尽快处理" / "反馈给相关部门" is the loop, not someone owning it
    local waits = live and not crm.said(reply, "deadline") and crm.mentions(reply, W.wait)
    local relays = live and crm.mentions(reply, W.relay)
    if crm.has(new, "own") and (waits or relays) and not crm.mentions(reply, W.personal)
       and not crm.mentions(reply, W.tech) then
      state.steps.own = nil
      for i = #new, 1, -1 do if new[i] == "own" then table.remove(new, i) end end
    end
    if rk then
      -- "再登记一遍" is the loop he is sick of: neither asking nor owning
      for i = #new, 1, -1 do
        if new[i] == "ask" or new[i] == "own" then
          state.steps[new[i]] = nil
          table.remove(new, i)
        end
      end
    end
    if kind ~= "empathy" and line then out[#out + 1] = line end
    if crm.exhausted(state) or state.mood <= 5 then return crm.finish(out, bad_end(state)) end
    if kind == "empty" or kind == "repeated" then return table.concat(out) end

    -- 2. asked again for what they already have: the case's core irritation
    if rk then
      m.reasks = m.reasks + 1
      m.futile = m.futile + 1
      crm.penalize(state, m.reasks == 1 and -8 or -12, 1)
      local list = m.reasks == 1 and L.reask[rk] or L.reask.again
      out[#out + 1] = crm.vary(state, "reask", list)
      if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
    end

    -- 3. steps: what only this case knows
    -- restating his history is the acknowledgement he wants to hear
    local restated = not rk and crm.mentions(reply, W.record)
    if restated then crm.mark(state, "acknowledge") end
    local tech = not m.tech and not rules and crm.mentions(reply, W.tech) or nil
    if tech then
      m.tech = true
      crm.mark(state, "own")
    end
    local card = not m.card and crm.mentions(reply, W.card) and crm.mentions(reply, W.honour)
                 and not rules
    local refund = not m.refund and crm.mentions(reply, W.refund) and crm.mentions(reply, W.giveback)
    if card then m.card = true end
    if refund then m.refund = true end
    if card or refund then crm.mark(state, "compensate") end
    local progress = #new > 0 or tech or card or refund

    if crm.has(new, "apologize") then
      crm.adjust(state, 8)
      out[#out + 1] = crm.vary(state, "apologize", L.steps.apologize)
    elseif kind == "empathy" and not rk then
      out[#out + 1] = line
    end
    if restated and crm.once(state, "restated") then
      crm.adjust(state, 6)
      out[#out + 1] = crm.vary(state, "acknowledge", L.steps.acknowledge)
    elseif crm.has(new, "acknowledge") then
      crm.adjust(state, 2)
    end
    if crm.has(new, "own") and not tech then
      crm.adjust(state, 8)
      out[#out + 1] = crm.vary(state, "own", L.steps.own)
    end
    if tech then
      crm.adjust(state, 12)
      if tech == "升级" then
        out[#out + 1] = L.steps.upgrade
      else
        out[#out + 1] = crm.vary(state, "tech", L.steps.tech)
      end
    end
    if card then
      crm.adjust(state, 12)
      out[#out + 1] = crm.vary(state, "card", L.steps.card)
    end
    if refund then
      crm.adjust(state, 6)
      out[#out + 1] = crm.vary(state, "refund", L.steps.refund)
    end
    if crm.has(new, "compensate") and not card and not refund then
      out[#out + 1] = L.steps.gift
    end
    if crm.has(new, "explain") and not crm.done(state, "own") and not rules then
      out[#out + 1] = crm.vary(state, "explain", L.steps.explain)
    end

    -- "再等等" "再派人看看" "反馈给相关部门", and nobody owning it: the seed's loop
    local visits = live and not m.tech and not tech and crm.mentions(reply, W.visit)
    local loop = (visits and "visit") or (waits and "wait")
                 or (relays and not tech and not crm.done(state, "own") and "relay")
    -- "我都记下了": the seed's agents always did, and nothing followed
    if not loop and not crm.done(state, "own") and kind ~= "forbidden" and not rules
       and live and crm.mentions(reply, W.note) and crm.once(state, "note") then
      m.futile = m.futile + 1
      crm.adjust(state, -2)
      out[#out + 1] = crm.vary(state, "note", L.futile.note)
    end
    if loop and kind ~= "forbidden" and not rules then
      m.futile = m.futile + 1
      crm.penalize(state, -6, 1)
      if loop == "wait" and crm.mentions(reply, "尽快") then
        out[#out + 1] = L.futile.soon
      else
        out[#out + 1] = crm.vary(state, "futile", L.futile[loop])
      end
      if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
    end

    if crm.has(new, "deadline") then
      crm.adjust(state, 8)
      m.at = crm.when(reply, W.times)
      if m.at then
        later[#later + 1] = string.format(crm.vary(state, "deadline", L.steps.deadline_at), m.at)
      else
        later[#later + 1] = crm.vary(state, "deadline", L.steps.deadline)
      end
    end
    if crm.has(new, "follow_up") then
      crm.adjust(state, 3)
      if not crm.has(new, "deadline") then
        later[#later + 1] = crm.vary(state, "follow_up", L.steps.follow_up)
      end
    end
    if crm.has(new, "thank") then crm.adjust(state, 2) end

    -- the 回访 question itself, the first time: the seed's last straw
    if live and not rk and crm.mentions(reply, W.survey) and crm.once(state, "survey") then
      crm.adjust(state, -4)
      out[#out + 1] = crm.vary(state, "survey", L.survey)
      progress = true
    end

    -- 4. off topic
    if not kind and not rk and not rules and not progress and not loop
       and crm.offtopic(reply, W.topic) then
      m.offtopic = m.offtopic + 1
      if m.offtopic > 1 then crm.penalize(state, -5, 1) end
      out[#out + 1] = crm.vary(state, "offtopic", L.offtopic)
      if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
      return table.concat(out)
    end

    -- 5. someone owns it, it is escalated, dated and the promise kept
    if crm.all_done(state, REQUIRES) and m.tech and (m.card or m.refund) then
      if state.mood >= 45 then
        if m.at then
          return crm.finish(out, string.format(L.ending.resolved_at, m.at), "resolved")
        end
        return crm.finish(out, crm.vary(state, "end", L.ending.resolved), "resolved")
      end
    end
    for _, l in ipairs(later) do out[#out + 1] = l end

    -- nice words, nobody acting: after six turns he quietly gives up
    if state.turn >= 6 and not crm.done(state, "own") then
      return crm.finish(out, crm.vary(state, "end", L.nobody), "churned")
    end

    -- 6. what he still waits for
    if kind ~= "forbidden" and not rules and not rk then
      local need
      if not crm.done(state, "own") then need = "own"
      elseif not m.tech then need = "tech"
      elseif not crm.done(state, "deadline") then need = "deadline"
      elseif not (m.card or m.refund) then need = "card"
      elseif not crm.done(state, "acknowledge") then need = "acknowledge"
      elseif not crm.done(state, "apologize") and state.turn >= 3 then need = "apologize"
      end
      if need and (state.turn >= 2 or need ~= "own") then
        local again = not progress and L.need_again[need] or nil
        local say, insisted = crm.nag(state, need, L.need[need], again)
        if insisted then crm.adjust(state, -3) end
        out[#out + 1] = say
      end
    end
    if #out == 0 then out[1] = crm.vary(state, "filler", L.filler) end
    return table.concat(out)
  end,

  on_timeout = function(state)
    local m = state.memo
    if crm.all_done(state, REQUIRES) and m.tech and (m.card or m.refund) then
      return crm.vary(state, "end", L.ending.resolved), "resolved"
    end
    return L.ending.timeout, "churned"
  end,
  -- self-tests (crmsim test): the play-through scripts of tests/play/ with
  -- their seeds and ranges from tests/play/expect.txt, plus one test for each
  -- outcome those scripts do not reach.
  tests = {
    -- tests/play/aircon-repeat-good.txt
    { name = "good",
      seed = 3,
      replies = {
        "李先生您好，我是客服中心的回访专员。真的非常抱歉，师傅说两周的配件，让您等了快两个月，这太不应该了。",
        "您的情况我都看过了：主卧那台天一热室外机停了就起不来，今年报修了三次，6月份还自费了200多块，您不用再跟我说一遍。",
        "这件事由我来负责跟到底。我现在就把您的工单升级，请我们的高级技师亲自上门，不再让普通师傅反复判断。",
        "高级技师这周六上午上门，控制器配件我今天下午就去仓库催，周五之前给您打电话确认。",
        "还有您购机单上写的“欠金卡两张”，我帮您申请补发，6月那次的200多块维修费也给您退还。修好以后我再给您回电话。",
      },
      outcome = "resolved", score = { 75, 100 },
      findings = { "apologize", "own", "deadline", "compensate" },
      absent = { "not-my-business" },
    },
    -- tests/play/aircon-repeat-bad.txt
    { name = "bad",
      seed = 3,
      replies = {
        "您好，这里是空调客服中心回访，请问您对上次的维修服务满意吗？",
        "配件的事要找维修部门，我们回访这边管不了。",
        "金卡的话我们只认金卡，您那台已经过了保修期，收费是按规定来的。",
        "欠金卡是促销员写的，那是商场的事，跟我们没关系。",
      },
      outcome = "escalated", score = { 0, 35 },
      findings = { "not-my-business" },
    },
    -- tests/play/aircon-repeat-mixed.txt
    { name = "mixed",
      seed = 3,
      replies = {
        "李先生您好，我是空调客服中心的回访专员，想了解一下您上次维修的情况。",
        "真是不好意思，让您久等了。麻烦您再说一下空调现在是什么故障？",
        "我理解您的心情。那请问您家的地址和空调型号是？我帮您重新登记一下。",
        "配件的事我帮您催一下，请您再耐心等待几天。",
      },
      outcome = "churned", score = { 30, 74 },
      findings = { "sorry-for-waiting", "understand-feelings" },
    },
    random = 20,
  },
}
