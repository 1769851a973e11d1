-- dividend-dispute.lua - 孙先生：红利发放日，钱怎么还没到账（客户理解有误）
--
-- 出处：seeds/000 第五章《客户服务》教学案例"客户服务案例分析"，
--   案例二"如果客户错了，我要跟他争辩清楚谁是谁非，直到他认识到自己错了吗？"。
--   客户：股票红利怎么还没到账？人家证券公司到了，你们怎么不到？
--   座席：发放日是今天，明天才能查到。客户：交易所今天发放，你们为什么明天才给？
--   座席："你理解有错误……因为我们要清算。"客户：既然叫红利发放日就是发放，
--   为什么要到明天？这不是要少给我利息吗？座席："红利发放日指的是……"
--   客户：这是你们自己规定的还是证监会规定的？（双方吵了起来）
--   课程的处理：客户的问题有两个——发放日的解释、红利为何没到账。发放日的事
--   客户确实理解错了，但只要用简洁明确的语言一次表达清楚，不要反复纠缠、争对错；
--   接着转入真正的问题：先查询客户的红利信息有无差错，没有差错就清楚地告诉他
--   红利何时到账；客户有疑问，再解释一下工作流程就可以了。
--
-- 学员要做（requires）：acknowledge 听他说完、复述他的问题或接住情绪；
--   explain 简洁地解释一次（发放日≠到账日，清算后下一个交易日到账）；
--   own 替他查他这笔红利（并说出结果：5000股，600元，金额无误）；
--   deadline 告诉他具体什么时候能查到（明天开盘前）。
--   他追问"为什么要到明天""是谁规定的"时，再简要说一次流程是受欢迎的；
--   "一分不少"之类的安慰也能让他放下"少给利息"的疑虑。
--   让他更生气的：争对错（"你理解有错误"）、说教（"你懂不懂""这是常识"）、
--   没人问就把同一套解释翻来覆去再讲、说"几分钱利息"、让他"去问证监会"。
--
-- 结局：resolved   解释一次、查了他的红利、告诉他明天开盘前到账，情绪缓和；
--       escalated  争辩、推诿、搬规定把他的耐心耗光 → 要打12386投诉、找经理；
--       churned    说教、指责、敷衍把他的耐心耗光 → 明天去办转户；
--       unresolved 没吵没骂，但翻来覆去讲同一套、不说话或说重复的话，
--                  或轮数用完还没把事办完 → 他挂了电话，明天自己看。

local REQUIRES = { "acknowledge", "explain", "own", "deadline" }
-- what he needs before he hangs up satisfied (acknowledging him is scored,
-- and it calms him, but he does not insist on it)
local NEEDED = { "explain", "own", "deadline" }

local L = {
  react = {
    forbidden = {
      ["争辩"] = {
        "我理解有错误？公告上印着'红利发放日'四个字，要我念给你听吗？",
        "你跟我争这个有什么用？我就问我的钱在哪儿！",
        "好好好，你们有理。你们有理，我的钱没到。",
      },
      ["质问/说教"] = {
        "我教了三十年物理，还用得着你来给我上课？",
        "你这是什么口气？我是你们的客户，不是你的学生。",
      },
      ["指责客户"] = {
        "怎么，又成我的不是了？",
        "我看得清清楚楚，账上就是没有！",
      },
      ["推诿"] = {
        "让我去问别人？我的户是在你们这儿开的！",
        "别往外推，我就找你们。",
      },
      ["拒绝"] = {
        "没办法？那我这钱就这么悬着？",
        "什么都是规定，规定就不讲理了？",
      },
      ["敷衍"] = {
        "你这是在打发我。",
        "几分钱也是我的钱！我要的是个准数。",
      },
      default = { "你这是什么态度？", "你们就这么跟客户说话？" },
    },
    empty = { "喂？你听着没有？", "怎么不说话了？喂？" },
    repeated = { "这话你刚说过。", "你就会这一句？" },
    calmer = {
      "……嗯，你这么说还差不多。",
      "我也不是故意找茬，这钱我是算着日子等的。",
      "行，你说。",
    },
  },
  -- after the first explanation: the customer's own misconception, once
  pushback = {
    "既然叫红利发放日，那就是今天发放嘛，为什么要到明天？这不是要少给我一天利息吗？",
    "发放日不就是发钱的日子吗？今天发，明天才到，这一天钱搁哪儿了？利息算谁的？",
  },
  pushback_checking = "查是要查。可我还是想不通：发放日就是发放，为什么要到明天？这一天的利息不是少给我了吗？",
  -- the same point explained again when he did not ask
  reexplain = {
    "这个你刚才说过了，我又不是听不懂。",
    "行了行了，发放日、到账日，你说了两遍了。",
  },
  reexplain_again = {
    "你就会翻来覆去讲这一套？我的钱你查了没有？",
    "别再给我讲'发放日'了，我耳朵都起茧子了。",
  },
  who = "……那我倒要问问你，这是你们自己规定的，还是证监会规定的？",
  too_long = "你说这么一大串，我也听不过来。你就告诉我，钱什么时候到，数对不对。",
  answer = {
    why = {
      "哦，是登记结算公司统一划过来，你们再清算一遍……行，这么说我明白了。",
      "原来中间还得清算一道。早这么说我就不急了。",
    },
    who = {
      "全国都是这么清算的？那就不是你们故意拖。行吧。",
      "统一的规矩，那我也就不跟你较这个劲了。",
    },
  },
  unanswered = {
    why = "你还没回答我呢：为什么要到明天？",
    who = "我问你呢，这是谁定的规矩？",
  },
  reassured = {
    "一分不少就行。我这人就是较真，钱不在多少，得有个准数。",
    "不少就好。你这句话我记着。",
  },
  check = {
    "好，你查，我就在电话这头等着。",
    "行，你给我好好查查，别查完又说不知道。",
  },
  check_pending = {
    "查到了吗？我那笔到底多少钱，对不对？",
    "你查了半天，倒是说个数啊。",
  },
  verified = {
    "600块，对，我自己也算的是600。数对就好。",
    "5000股，10股派1块2，600块，跟我算的一样。",
  },
  tax = "扣税？这只股我拿了两年多了，持股超过一年是免税的。你再看看清楚。",
  deadline_at = { "%s是吧？行，我记下了。", "好，%s，我到时候查。" },
  deadline = { "明天是吧？行。", "好，那我明天查。" },
  deadline_unchecked = "明天到可以，可我这笔数对不对，你还没给我查呢。",
  friend = "哦，他那边显示的可能是'在途'……回头我问问我那老同学。",
  facts = {
    holding = "东江电力，5000股，前年买的，一直没动过。10股派1块2，我算好了，应该是600块。",
    account = "资金账号尾号3307，我在你们这儿开户十二年了。",
    again = "我刚才不是说了吗？东江电力，5000股。",
  },
  need = {
    explain = {
      "你倒是说说，为什么人家到了，我的没到？",
      "今天不是发放日吗？钱呢？",
    },
    own = {
      "你帮我查查，我这笔红利到底发没发、数对不对？",
      "我不要听别的，你先给我查一下我的账。",
    },
    deadline = {
      "那到底什么时候能到？你给我个准日子。",
      "那我什么时候能查到？",
    },
  },
  need_again = {
    explain = { "我问了两遍了，钱为什么没到？" },
    own = { "你到底查不查？", "我的账，你查一下就那么难？" },
    deadline = { "日子呢？你还没说哪天到。" },
  },
  offtopic = {
    "你说这些干什么？我问的是我的红利。",
    "别扯远了，我就问红利。",
  },
  warn = {
    quarrel = "你再跟我这么争，我就打12386了。",
    slight = "你要是这个态度，这户我也不是非在你们这儿开不可。",
  },
  ending = {
    resolved = {
      "行，600块，明天开盘前我再查。早这么说，我也不至于急成这样。谢谢你啊。",
      "好，那我明天一早看。刚才我嗓门大了点，你别往心里去。",
    },
    resolved_at = "好，%s我再查一次，600块一分不能少。谢谢你了。",
    escalated = {
      "跟你说不通！这到底是你们自己规定的还是证监会规定的？我现在就打12386，投诉你们！",
      "你就跟我在这儿争吧。我要投诉，把你们营业部经理的电话给我！",
    },
    churned = {
      "我炒了十几年股，用不着你来教我。这户我不在你们这儿开了，明天就去办转户。",
      "算了，你们这种态度，我明天就把钱转走，换家证券公司。",
    },
    unresolved = {
      "算了，翻来覆去就这几句，我明天自己看吧。",
      "说了半天也没个准话，我挂了。",
    },
    grudging = "……行吧，那我明天看。要是没到，我再打过来。",
  },
}

local W = {
  -- words of an explanation of 发放日 vs 到账
  -- ("发放日" alone is only his own word said back to him)
  explain = { "清算", "结算", "划拨", "划付", "划转", "到账日", "登记日", "t+1" },
  jargon = { "清算", "结算", "划拨", "划付", "发放日", "到账日", "登记日", "除息",
             "交易所", "证监会", "中国结算", "流程", "规定", "托管" },
  who = { "中国结算", "登记结算", "结算公司", "交易所", "证监会", "统一", "全国",
          "所有券商", "所有证券公司", "各家", "每家", "都一样", "都是这样",
          "不是我们自己", "不是我们公司" },
  reassure = { "不会少", "一分不少", "一分都不少", "一分钱都不会少", "一分钱也不会少",
               "不影响", "没有损失", "不会有损失", "足额", "一分不差", "全额" },
  amount = { "600", "六百", "5000股", "五千股" },
  ok = { "没有差错", "没差错", "没有问题", "没问题", "无误", "正确", "准确", "没错",
         "正常", "一致" },
  check = { "查", "核实", "核对", "看一下您", "看看您" },
  tax = { "扣税", "个税", "所得税", "红利税", "税后", "540", "480" },
  when = { "明天", "下一个交易日", "下个交易日", "次日", "第二天", "明早" },
  arrive = { "到账", "到您", "到你", "查到", "看到", "入账", "进账", "账户里", "账上",
             "查询到", "能查" },
  times = { "明天开盘前", "明天开盘后", "明天上午", "明天一早", "明天早上", "明天开盘",
            "下一个交易日", "下个交易日", "明天", "次日" },
  friend = { "在途", "显示方式", "显示不一样", "显示不同", "各家券商", "各家证券",
             "别家证券", "每家证券" },
  restate = { "没到账", "还没看到", "没看到", "别家", "老同学", "朋友那边", "您朋友",
              "一早就", "着急" },
  holding = { "多少股", "几股", "持有", "持股", "哪只", "什么股", "股票名称", "哪个股" },
  account = { "资金账号", "账号", "帐号", "客户号", "身份证" },
  topic = { "您好", "你好", "喂", "孙先生", "红利", "分红", "股", "到账", "账户", "明天",
            "查", "清算", "发放", "利息", "东江", "钱", "证券" },
}

-- 争辩/推诿/拒绝 make it a quarrel (he complains); 说教/指责/敷衍 make him
-- feel small (he leaves).
local QUARREL = { ["争辩"] = true, ["推诿"] = true, ["拒绝"] = true }

local function init(state)
  local m = state.memo
  if m.quarrel == nil then
    m.quarrel, m.slight, m.offtopic = 0, 0, 0
    m.explained = false   -- the one brief explanation has been given
    m.pushed = false      -- he has voiced his misconception (发放日 = 到账)
    m.question = false    -- "why" or "who": a question of his still open
    m.asked_who = false
    m.reexplain = 0       -- the same explanation given again, unasked
    m.checking = false    -- the trainee is checking his dividend
    m.verified = false    -- the trainee told him the amount is right
    m.warned = false
  end
  return m
end

local function bad_end(state)
  local m = state.memo
  if m.quarrel + m.slight == 0 then
    return crm.vary(state, "end", L.ending.unresolved), "unresolved"
  end
  if m.quarrel >= m.slight then
    return crm.vary(state, "end", L.ending.escalated), "escalated"
  end
  return crm.vary(state, "end", L.ending.churned), "churned"
end

return {
  id = "dividend-dispute",
  title = "孙先生：红利发放日，钱怎么还没到账",
  chapter = 5,
  kind = "wrong",
  summary = "一位老股民认定\"红利发放日\"就该到账，别家都到了就你们没到。他确实理解错了——可你要的不是赢这场争论。",
  customer = {
    name = "孙先生",
    profile = "孙国栋，63岁，退休中学物理老师，在本公司开户十二年。较真，爱讲理，自尊心强，最受不了被人教训。",
  },
  brief = "你是恒信证券客服热线的座席。来电的孙先生（资金账号尾号3307）说他的红利没到账。\n"
    .. "系统显示：他持有东江电力5000股（已持有两年以上，红利免征个税）；分红方案每10股派1.2元，"
    .. "股权登记日是昨天，今天是红利发放日；他的应得红利600.00元，状态\"已登记，待清算入账\"，金额无误。\n"
    .. "流程：红利在发放日由中国结算（登记结算公司）统一划付给券商，券商清算后于下一个交易日记入客户资金账户，"
    .. "明天开盘前就能查到。各家券商的显示方式不同，有的先把这笔钱显示为\"在途资金\"。",
  opening = {
    "哎！怎么搞的，我的股票红利怎么还没有到账？人家证券公司都到了，你们怎么就不到账？",
    "喂，我问一下：东江电力今天发红利，公告上写得清清楚楚，今天是红利发放日。我账上怎么一分钱都没有？我老同学在别家证券公司，人家早上就到了！",
    "你们怎么回事？今天是红利发放日，我一早就开始查，查到现在也没到账。别家证券公司都到了，就你们不到！",
  },
  mood = 35,
  patience = 3,
  requires = REQUIRES,
  max_turns = 10,
  outcomes = {
    resolved = { label = "查清了他的红利，他接受明天到账", score = 100 },
    escalated = { label = "吵了起来，他要打12386投诉", score = 20 },
    churned = { label = "他觉得被教训了，要办转户", score = 0 },
    unresolved = { label = "说来说去没个结果，他挂了电话", score = 30 },
  },

  hints = function(state)
    local m = state.memo
    if m.question == "why" then
      return "他在问“为什么要到明天、利息是不是少了”：别说“你理解有错误”。一句话带过（清算后下一个交易日到账，一分不少），然后转去查他的红利。"
    end
    if m.question == "who" then
      return "他问是谁规定的：简要说明这是中国结算统一清算、各家券商都一样，只说一次，不争对错。"
    end
    if (m.reexplain or 0) > 0 and not m.verified then
      return "别再重复解释发放日了，他听懂了也烦了：转入真正的问题——查他的红利，告诉他数目和到账时间。"
    end
    if m.checking and not m.verified then
      return "把查询结果告诉他：5000股，每10股派1.2元，600元，金额无误。"
    end
    return crm.hint(state, { "acknowledge", "explain", "own", "deadline" }, {
      acknowledge = "先接住他的着急：复述一下他的问题（今天是发放日，账上还没看到红利），别急着纠正他。",
      explain = "用一两句话解释一次：发放日是今天，清算后下一个交易日到账。不要说“你理解有错误”。",
      own = "转入真正的问题：说“我马上帮您查一下您这笔红利”，再把结果告诉他（5000股，600元，金额无误）。",
      deadline = "告诉他具体什么时候能查到：明天开盘前。",
    }, "步骤都做到了：确认一下他还有没有别的疑问，不要再重复解释。")
  end,

  on_reply = function(state, reply)
    local m = init(state)
    local out, later = {}, {}
    local calm_idx
    local live = not reply.empty and not reply.repeated

    -- 1. tone
    local line, kind, worst = crm.react(state, reply, L.react)
    local new = crm.credit(state, reply)
    if kind == "forbidden" then
      if QUARREL[worst.category] then m.quarrel = m.quarrel + 1 else m.slight = m.slight + 1 end
    end
    if kind ~= "empathy" and line then out[#out + 1] = line end
    if crm.exhausted(state) or state.mood <= 5 then return crm.finish(out, bad_end(state)) end
    if kind == "empty" or kind == "repeated" then return table.concat(out) end
    local bad = kind == "forbidden"
    if kind == "empathy" then crm.mark(state, "acknowledge") end

    -- 2. what the trainee did this turn
    local explains = crm.said(reply, "explain") or crm.mentions(reply, W.explain) ~= nil
      or (crm.mentions(reply, "发放日") ~= nil and crm.mentions(reply, W.when) ~= nil)
    local checks = crm.said(reply, "own") and crm.mentions(reply, W.check) ~= nil
    local taxed = crm.mentions(reply, W.tax) ~= nil
    local verifies = not bad and not taxed and (crm.mentions(reply, W.amount) ~= nil
      or ((m.checking or checks) and crm.mentions(reply, W.ok) ~= nil))
    local dated = crm.said(reply, "deadline")
      or (crm.mentions(reply, W.when) ~= nil and crm.mentions(reply, W.arrive) ~= nil)
    local reassures = not bad and crm.mentions(reply, W.reassure) ~= nil
    local progress = #new > 0

    -- 3. the explanation: once is good; again, unasked, is a lecture
    local asked = m.question
    if explains then
      if not m.explained then
        m.explained = true
        crm.mark(state, "explain")
        if not bad then crm.adjust(state, 6) end
        progress = true
        if not bad and crm.count_mentions(reply, W.jargon) >= 4 and crm.once(state, "too_long") then
          crm.adjust(state, -3)
          out[#out + 1] = L.too_long
        end
      elseif asked and not bad and (asked == "why" or crm.mentions(reply, W.who)) then
        m.question = false
        crm.adjust(state, 6)
        progress = true
        out[#out + 1] = crm.vary(state, "answer", L.answer[asked])
      elseif not (verifies or checks or (dated and not crm.done(state, "deadline"))) then
        m.reexplain = m.reexplain + 1
        if not bad then
          crm.penalize(state, -6, 1)
          out[#out + 1] = m.reexplain == 1 and crm.vary(state, "reexplain", L.reexplain)
                          or crm.vary(state, "reexplain", L.reexplain_again)
        end
        if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
        -- the case: after the second explanation he asks who made the rule
        if not m.asked_who then
          m.asked_who = true
          m.question = "who"
          out[#out + 1] = L.who
          return table.concat(out)
        end
      end
    end

    -- 4. the real problem: his dividend checked, its amount, when it arrives
    if live and not bad and taxed and crm.once(state, "tax") then
      crm.adjust(state, -3)
      out[#out + 1] = L.tax
    end
    if reassures and crm.once(state, "reassured") then
      crm.adjust(state, 6)
      progress = true
      out[#out + 1] = crm.vary(state, "reassured", L.reassured)
    end
    if checks and not m.checking then
      m.checking = true
      crm.adjust(state, 6)
      progress = true
      if not verifies then out[#out + 1] = crm.vary(state, "check", L.check) end
    end
    if verifies and not m.verified then
      m.verified = true
      m.checking = true
      crm.mark(state, "own")
      crm.adjust(state, 10)
      progress = true
      out[#out + 1] = crm.vary(state, "verified", L.verified)
    end
    if dated and crm.mark(state, "deadline") then
      crm.adjust(state, 5)
      progress = true
      m.at = crm.when(reply, W.times)
      if not m.pushed then
        -- the first explanation usually names the day: he argues first
      elseif m.verified then
        later[#later + 1] = m.at and string.format(crm.vary(state, "deadline", L.deadline_at), m.at)
                            or crm.vary(state, "deadline", L.deadline)
      else
        later[#later + 1] = L.deadline_unchecked
      end
    elseif dated and m.verified and not m.at then
      m.at = crm.when(reply, W.times)
    end
    if not bad and crm.mentions(reply, W.friend) and crm.once(state, "friend") then
      crm.adjust(state, 3)
      progress = true
      out[#out + 1] = L.friend
    end
    -- his own words said back to him: he was listened to
    if not bad and crm.mentions(reply, W.restate) then crm.mark(state, "acknowledge") end
    -- "moving on to the real problem" answers his "why" too
    if m.question == "why" and asked == "why" and (reassures or verifies or checks) then
      m.question = false
    end

    -- facts he gives when asked
    if live and not bad and (crm.said(reply, "ask") or crm.is_question(reply)) then
      local said = false
      if crm.mentions(reply, W.holding) then
        said = true
        out[#out + 1] = crm.once(state, "holding") and L.facts.holding or L.facts.again
      end
      if crm.mentions(reply, W.account) and crm.once(state, "account") then
        said = true
        out[#out + 1] = L.facts.account
      end
      if said then progress = true end
    end
    if crm.has(new, "apologize") then crm.adjust(state, 4) end
    if crm.has(new, "acknowledge") then crm.adjust(state, 3) end
    if crm.has(new, "thank") then crm.adjust(state, 2) end
    if kind == "empathy" and #out == 0 then
      out[1] = line
      calm_idx = 1    -- dropped if he hangs up satisfied this turn
    end

    -- 5. off topic
    if not kind and not progress and crm.offtopic(reply, W.topic) then
      m.offtopic = m.offtopic + 1
      if m.offtopic > 1 then crm.penalize(state, -5, 1) end
      out[#out + 1] = crm.vary(state, "offtopic", L.offtopic)
      if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
      return table.concat(out)
    end

    -- 6. his misconception comes out once, after the first explanation
    if m.explained and not m.pushed and not bad then
      m.pushed = true
      m.question = "why"
      for _, l in ipairs(later) do out[#out + 1] = l end
      out[#out + 1] = m.checking and not m.verified and L.pushback_checking
                      or crm.vary(state, "pushback", L.pushback)
      return table.concat(out)
    end

    -- 7. done? explained once, checked, dated, and he has calmed down
    if crm.all_done(state, NEEDED) and m.verified and m.pushed and not m.question
       and state.mood >= 45 then
      if calm_idx then table.remove(out, calm_idx) end
      if m.at then
        return crm.finish(out, string.format(L.ending.resolved_at, m.at), "resolved")
      end
      return crm.finish(out, crm.vary(state, "end", L.ending.resolved), "resolved")
    end
    for _, l in ipairs(later) do out[#out + 1] = l end

    -- 8. what he still wants to know
    if not bad then
      if m.question and m.question == asked and not progress then
        out[#out + 1] = L.unanswered[m.question]
      elseif not m.question then
        local need
        if m.checking and not m.verified then need = "verify"
        elseif not m.explained then need = "explain"
        elseif not m.checking then need = "own"
        elseif not crm.done(state, "deadline") then need = "deadline"
        end
        if need == "verify" then
          if not checks then out[#out + 1] = crm.vary(state, "pending", L.check_pending) end
        elseif need then
          local again = not progress and L.need_again[need] or nil
          local say, insisted = crm.nag(state, need, L.need[need], again)
          if insisted then crm.adjust(state, -3) end
          out[#out + 1] = say
        end
      end
    end
    if state.mood < 20 and not m.warned and m.quarrel + m.slight > 0 then
      m.warned = true
      out[#out + 1] = m.quarrel >= m.slight and L.warn.quarrel or L.warn.slight
    end
    if #out == 0 then out[1] = crm.vary(state, "calmer", L.react.calmer) end
    return table.concat(out)
  end,

  on_timeout = function(state)
    local m = state.memo
    if crm.all_done(state, NEEDED) and m.verified and state.mood >= 35 then
      return L.ending.grudging, "resolved"
    end
    if m.quarrel + m.slight > 0 and state.mood < 25 then
      return bad_end(state)
    end
    return crm.vary(state, "end", L.ending.unresolved), "unresolved"
  end,

  lexicon = {
    classes = {
      DSELF = { "我", "我们", "我这边" },
      DYOU = { "您", "你", "您们", "你们" },
      DOTHER = { "朋友", "同学", "老同学", "同事", "人家", "别人", "他", "他们" },
      DDAY = { "明天", "下一个交易日", "下个交易日", "次日", "第二天", "明早" },
    },
    forbidden = {
      {
        id = "dividend-dispute-pennies",
        category = "敷衍",
        severity = 2,
        patterns = {
          "利息 ..6 几分钱|几毛钱|没多少|不值一提|可以忽略|忽略不计",
          "几分钱|几毛钱 的? 利息",
          "就|才 ..2 几分钱|几毛钱",
        },
        why = "客户担心“少给利息”，说“那点利息也就几分钱”是在轻视他的顾虑；案例二要求不纠缠、不争辩，用一句话让他放心，再转入查询。",
        better = "您的红利一分都不会少，清算完明天开盘前就到您的资金账户。",
        source = "seed 000 第五章 案例二（这不是要少给我利息吗？）",
        examples = { "一天的利息也就几分钱", "那点利息没多少的", "就几毛钱的事" },
        near = { "您的红利一分都不会少", "一分钱都不会少您的", "利息的事我帮您问一下" },
      },
      {
        id = "dividend-dispute-others-wrong",
        category = "争辩",
        severity = 2,
        patterns = {
          "{DOTHER} ..4 肯定|一定|估计|可能 ..2 看错|搞错|弄错|记错|说错",
          "{DOTHER} ..4 不可能 ..4 到账|到了",
        },
        why = "客户说“人家证券公司都到了”，断言他朋友看错了只是在争谁对谁错；案例二指出，争论对错只会把问题变成争吵。",
        better = "各家券商显示方式不同，有的先显示为在途资金；我先帮您查一下您这笔红利。",
        source = "seed 000 第五章 案例二（需要与其争辩个谁是谁非吗？）",
        examples = { "您朋友肯定看错了", "人家那边不可能今天到账", "您同学估计是搞错了" },
        near = { "您朋友那边可能显示的是在途资金", "我明白您朋友那边已经看到了", "我帮您查一下，您稍等" },
      },
      {
        id = "dividend-dispute-condescend",
        category = "质问/说教",
        severity = 2,
        patterns = {
          "{DYOU} ..4 没 ..2 搞懂|弄懂|搞明白|弄明白|看懂",
          "{DYOU} ..4 不懂 ..4 很正常|也正常|没关系",
          "连 ..6 都 ..2 不知道|不懂|不明白",
          "炒股 ..6 都 ..2 不知道|不懂",
        },
        why = "“您是不是没搞懂”“炒股的都知道”是在居高临下地教训客户；客户理解错了，只需用简洁明确的语言解释一次。",
        better = "发放日是今天，清算后明天开盘前到账；我先帮您查一下您这笔红利对不对。",
        source = "seed 000 第五章 案例二（用简洁明确的语言一次表达清楚）",
        examples = { "您是不是没搞懂发放日的意思", "这个您不懂很正常", "炒股的连这个都不知道", "你没弄明白" },
        near = { "可能是我没解释清楚", "我明白您的意思", "我帮您弄明白是哪里出了问题" },
      },
      {
        id = "dividend-dispute-ask-regulator",
        category = "推诿",
        severity = 2,
        patterns = {
          "{DYOU} ..4 去|找|问 ..2 证监会|交易所|中国结算|结算公司|上市公司",
          "找 ..2 证监会|交易所|中国结算|上市公司 ..2 去|吧|问",
        },
        why = "把客户打发到证监会、交易所去问，是在推诿；客户是在本公司开的户，流程由我们来解释、红利由我们来查。",
        better = "这是中国结算统一的清算安排，各家券商都一样；您这笔红利我已经查过了，明天开盘前到账。",
        source = "seed 000 第五章 案例二（这是你们自己规定的还是证监会规定的？）",
        examples = { "您去问证监会吧", "有意见您找交易所去", "你问上市公司吧" },
        near = { "这是中国结算统一的安排", "这是证监会和交易所的统一规定，各家都一样", "我帮您查一下" },
      },
    },
    steps = {
      {
        id = "dividend-dispute-arrival-day",
        step = "deadline",
        patterns = {
          "{DDAY} ..8 查到|看到|查询到|进账|入账|到账户|到资金账户|能查",
          "{DDAY} ..6 到 您|你 的? 账户|账上|资金账户",
          "{DDAY} ..2 开盘 前|后|之前",
        },
        examples = { "明天您就能在账户里查到", "下一个交易日就能看到", "明天开盘前就能查到" },
        near = { "今天是红利发放日", "我帮您查一下", "您明天再打过来问问" },
      },
      {
        id = "dividend-dispute-checked",
        step = "own",
        negatable = false,
        patterns = {
          "^ {DSELF}? 已经? 查到|查过|查好|核实 了 $",
          "红利|分红|金额 ..4 是|有|共|一共 ..2 600|六百",
          "600|六百 元|块 ..6 没有|没 ..2 差错|问题|错",
          "红利|分红|金额 ..6 没有|没 ..2 差错|问题|错",
          "红利|分红|金额 ..4 无误|正确|准确",
        },
        examples = { "查到了，您这笔红利600元", "您的红利金额没有差错", "我查过了", "600元没有问题", "分红金额无误" },
        near = { "我帮您查一下", "查到了吗", "红利发放日是今天", "您的分红方案是每10股派1.2元" },
      },
      {
        id = "dividend-dispute-clearing",
        step = "explain",
        patterns = {
          "中国结算|登记结算|结算公司 ..8 统一|划|发放|安排",
          "清算 ..6 明天|次日|下一个交易日|第二天|才",
        },
        examples = { "这是中国结算统一安排的", "清算完明天就到", "登记结算公司统一划付" },
        near = { "我帮您查一下红利", "明天开盘前到账", "您的资金账号是多少" },
      },
    },
  },

  tests = {
    { name = "good",
      seed = 7,
      replies = {
        "孙先生您好，您别着急。您是说今天是红利发放日，可账上还没看到红利，对吧？",
        "是这样的，红利今天由中国结算统一发给券商，清算完下一个交易日才记到您的资金账户，所以今天还看不到。我马上帮您查一下您这笔红利。",
        "您放心，一分钱都不会少您的。我查到了，您持有东江电力5000股，每10股派1.2元，应得600元，金额没有差错。",
      },
      outcome = "resolved", score = { 75, 100 },
      findings = { "explain", "own", "deadline", "dividend-dispute-checked", "restate" },
      absent = { "you-are-wrong", "already-told-you" },
    },
    { name = "bad (the case's agent)",
      seed = 7,
      replies = {
        "这只股票红利发放日是今天，你要明天才可以在您账户上面查询到。",
        "你理解有错误，今天是红利发放日，但是钱是明天才能到你账上的，因为我们要清算。你明天查一下就可以了。",
        "红利发放日指的是上市公司发放红利的日子，钱要清算以后才到账，这是规定。",
        "我们不可能少给您利息，你理解错了就是理解错了。",
      },
      outcome = "escalated", score = { 0, 35 },
      findings = { "you-are-wrong" },
      turn_findings = { [2] = { "you-are-wrong" } },
    },
    { name = "mixed (checks, then lectures him)",
      seed = 3,
      replies = {
        "孙先生您好，您别着急，我先帮您查一下。",
        "查到了，您的红利是600元，没有问题。",
        "您是不是没搞懂发放日的意思？发放日不等于到账日，要清算的，明天才能到账。",
        "一天的利息也就几分钱，您就别较真了。",
        "我已经跟您说过了，明天到账。",
      },
      outcome = "churned", score = { 30, 74 },
      findings = { "dividend-dispute-condescend", "dividend-dispute-pennies", "already-told-you", "own" },
    },
    { name = "polite but repeats the lecture",
      seed = 5,
      replies = {
        "孙先生您好，我理解您的心情。",
        "红利发放日是今天，需要清算，明天才能到账。",
        "因为要清算，所以发放日和到账日不是同一天。",
        "发放日是上市公司发钱的日子，到账日是清算以后的日子。",
        "清算需要一天时间，所以明天到账。",
        "就是说发放日和到账日差一个交易日，因为中间要清算。",
      },
      outcome = "unresolved", score = { 40, 74 },
      findings = { "explain", "understand-feelings" },
    },
    random = 20,
  },
}
