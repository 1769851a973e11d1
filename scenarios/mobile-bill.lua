-- mobile-bill.lua - 周先生：五十八的套餐，这个月扣了一百零五块九（愤怒的投诉客户）
--
-- 出处：seeds/001《第5章 电子商务客户服务管理》课后"三、实训题"第1题：
--   "请你和同学进行角色扮演，一位是移动公司客服人员，一位是移动手机用户，
--   用户自行设定所遇到问题，客服人员针对用户问题给出专业答复。"
--   同章要求：当与客户电话接通时必须注意语气与谈话技巧；简述客户投诉的应对方法；
--   本章小结：网络客服的沟通技巧、投诉处理技巧，"才能留住客户，让客户满意"。
--   这里设定的问题是电信用户最常见的账单投诉：每月58元的老套餐，这个月银行代扣了
--   105.90元——一笔他从没听说过的增值业务"乐享影视会员"（19.90元/月，已扣三个月，
--   订购时系统里没有他回复二次确认短信的记录：他只是点了一下弹窗广告），
--   外加28元套餐外流量（那是他外孙拿他手机开热点打游戏用掉的：这一部分是他弄错了）。
--   投诉处理的做法（seed 000 第五章 案例一之后的正确处理、seed 004 抱怨处理的关键）：
--   先听、先致歉，由自己查记录，用简洁明确的话把每一笔钱讲清楚，
--   错扣的当场退订并全额退还，给出到账时间，到账后通知他。
--
-- 学员要做（requires）：apologize 致歉，acknowledge 倾听/复述（58元、105.90、
--   十三年的老号），own 由自己查账单、当场办理，explain 讲清多出的两笔钱
--   （影视会员是什么、为什么能扣上——没有二次确认；流量费是哪天用的），
--   compensate 退订并退还三个月的59.70元（只退一个月他不答应），
--   deadline 到账时间（3个工作日内），follow_up 到账后短信/电话通知他。
--   加分：开通"增值业务订购保护"，设流量提醒；问出8号9号是谁用的流量。
--   让他更火的（情景词条 + 课程词条）：说是他自己点的/订的、"系统不会乱扣费"、
--   让他自己发短信退订、推给第三方合作方、让他去营业厅、"只能退当月"、
--   "流量是您自己用超的"、"退不了""没办法"。
--
-- 结局：resolved   步骤都做到、退订并全额退款、流量讲清楚，他消了气
--                  → 他等到账短信；
--       escalated  推来推去、搬规定（推诿、拒绝）耗尽耐心 → 他要打12300到工信部申诉；
--       churned    指责他、跟他争、说教 → 他要携号转网，十三年的老号不要了；
--       unresolved 不说话、说重复的话把他磨走，或到轮数上限还没办完（on_timeout）。

local REQUIRES = { "apologize", "acknowledge", "own", "explain", "compensate", "deadline", "follow_up" }

local L = {
  react = {
    forbidden = {
      ["推诿"] = {
        "我的话费是交给你们移动的，你让我找谁去？",
        "别跟我说什么合作方，钱是从我话费里扣的！",
        "我一个退休老头子，你让我东跑西跑？",
      },
      ["指责客户"] = {
        "怎么，还成我的不是了？",
        "我活了六十多岁，还用你来说我？",
      },
      ["拒绝"] = {
        "扣钱的时候怎么没说不行？退钱就不行了？",
        "你们扣钱这么痛快，退钱就这也不行那也不行？",
      },
      ["质问/说教"] = {
        "你这是什么口气？我是来问我自己的钱的！",
        "你别给我上课，我就问你这钱凭什么扣。",
      },
      ["争辩"] = {
        "你还跟我较上劲了？",
        "我不跟你吵，我就要个说法。",
      },
      ["敷衍"] = {
        "你就这么打发我？",
        "这话说了等于没说。",
      },
      default = {
        "你们就是这么对老用户的？",
        "你这是什么态度？",
      },
    },
    empty = { "喂？喂？听得见吗？", "你倒是说话呀！", "……人呢？" },
    repeated = {
      "这句你刚才说过了。",
      "你别老重复这一句，我要听的是怎么办。",
      "又是这句？",
    },
    calmer = {
      "……唉，我也不是冲你。",
      "你能听我说完就行。",
      "嗯……我就是心里窝火。",
    },
  },
  -- his answers to the scenario's own bad replies (by lexicon id)
  bad = {
    ["mobile-bill-you-ordered"] = {
      "我订的？我一个老头子订什么影视会员！你们查清楚了再说话！",
      "我订的？我连那个影视是个啥都不知道！你给我拿出我订的证据来！",
    },
    ["mobile-bill-never-wrong"] = {
      "不会乱扣？那这十九块九是从天上掉到账单里的？",
      "系统不会错？那我这一百零五块九是我自己扣的？",
    },
    ["mobile-bill-self-unsubscribe"] = {
      "我自己发短信？我发什么都不知道！你们扣的，你们给我停了！",
      "扣钱你们悄没声地就扣了，退订倒要我自己去弄？",
    },
    ["mobile-bill-third-party"] = {
      "什么合作方？我跟谁都没合作过！钱是从我移动话费里扣的，我就找你们！",
      "第三方？我只认你们移动，账单上印的是你们的名字！",
    },
    ["mobile-bill-go-hall"] = {
      "去营业厅？我六十多了，腿脚不好，你让我坐公交去排队？",
      "电话里说不清楚的事，营业厅就说得清楚了？",
    },
    ["mobile-bill-only-this-month"] = {
      "只退当月？前两个月也是你们乱扣的！凭什么不退？",
      "一个月的退，两个月的不退？那两个月的就算我活该？",
    },
    ["mobile-bill-you-used-it"] = {
      "我自己用的？我那十个G从来都用不完！",
      "你张口就说是我用的，你查了没有？",
    },
  },
  offtopic = {
    "你说什么？我问的是我这一百零五块九。",
    "我没心思扯别的，你就说这钱怎么回事。",
  },
  facts = {
    bill = {
      "平时一个月五十八，雷打不动。这个月银行代扣了一百零五块九，我一看短信就愣了。",
      "我这号用了十三年了，五十八的套餐。这个月扣了一百零五块九，前两个月也是七十七块九，我都没注意。",
    },
    order = {
      "我订它干什么？我手机就是打打电话、跟闺女视频，看什么影视会员！",
      "没订过！我连那个'乐享影视'是个啥都不知道。",
    },
    clicked = {
      "1月6号晚上……我想起来了，那天我看新闻，跳出来个'免费领10G流量'，我点了一下就关了。就那一下就订上了？",
      "1月6号？那天晚上我在手机上看新闻，是蹦出来个什么领流量的，我点了一下赶紧关了……那就算我订了？",
    },
    data = {
      "8号9号？……哦，那两天我外孙来家里住，拿我手机开那个什么热点，给他平板打游戏。",
      "那个周末？对了，我外孙来了，非要用我手机开热点，玩了两个晚上的游戏。",
    },
    again = { "我刚才不是都说了吗？", "该说的我都说了，你查你的记录吧。" },
  },
  steps = {
    apologize = {
      "光说对不起有啥用……行，你先说这钱怎么回事。",
      "嗯，这话我听着。问题还得解决。",
      "道歉我收下了，钱的事可不能就这么算了。",
    },
    apologize_late = {
      "嗯，你这么说，我这气也消了一半。",
      "行了，话说到这份上，我也不跟你计较了。",
    },
    own = {
      "好，你给我查清楚，一笔一笔地查。",
      "行，你查，我拿着笔呢，你说一笔我记一笔。",
      "那你现在就查，我等着。",
    },
    ack = {
      "对，十三年的老号了，一直是五十八。",
      "就是这么回事，你听明白了就好。",
    },
    vas = {
      "乐享影视？我听都没听说过！我哪订过这玩意儿？",
      "什么影视会员？十九块九一个月？扣了三个月？我从来没看过什么影视！",
    },
    noconfirm = {
      "就是说我根本没同意！没同意就能扣我的钱？",
      "我就说嘛，我什么都没回过。那这钱你们得给我退回来。",
    },
    cancel = { "先给我停了，以后一分也别再扣。", "停掉就好，可别再扣了。" },
    refund_full = {
      "三个月的都退？五十九块七一分不少？……那还差不多。",
      "全退就行。我不是差这几十块钱，我是咽不下这口气。",
    },
    refund_vague = { "退？退多少？三个月的都退吗？" },
    refund_partial = {
      "只退这个月的？前两个月也是这么扣的，那两个十九块九也得退！",
      "一个月的不够。三个月都是你们没经我同意扣的。",
    },
    data_heard = {
      "流量？那十个G我从来用不完啊，怎么还超了？",
      "套餐外流量？我能用那么多？",
    },
    data_ok = {
      "这么说那二十八是我外孙用的……行，那这笔我认，是我家的事。",
      "哦，是那孩子开热点用掉的。那二十八块我认了。可你们也该提醒我一声啊。",
    },
    data_ok_plain = {
      "行，你这么说我就明白了，那二十八算我的。",
      "噢，原来是那两天用的。那这笔我认了。",
    },
    block = {
      "还能这么弄？那你给我开上，以后谁也别想再往我这号上订东西。",
      "这个好，省得再让人钻空子。",
    },
    remind = "流量快用完了给我发个短信提醒，这个好，我外孙再来我就知道了。",
    deadline_at = { "%s到账是吧？行，我记下了。", "%s，好，我等着。" },
    deadline = { "行，就按你说的时间。", "好，那我就等着。" },
    deadline_early = "时间你说了，可你还没说退多少、退不退呢。",
    follow_up = {
      "到账了一定给我发个短信，我眼神不好，还得闺女帮我看。",
      "行，到时候你们通知我一声。",
    },
    thank = { "不用谢我，把事办好就行。", "嗯。" },
  },
  need = {
    own = {
      "你就说，这钱你能不能给我查清楚？",
      "你倒是查一查啊，一百零五块九，是怎么算出来的？",
    },
    explain = {
      "多扣的那四十多块，到底是什么钱？你给我一笔一笔说清楚。",
      "账单上写个'增值业务费'，这是个什么业务？谁给我办的？",
    },
    cancel = {
      "那这个会员，以后还扣不扣了？",
      "你先说，这玩意儿给不给我停掉？",
    },
    refund = {
      "那已经扣走的钱呢？退不退？",
      "停了不算完，扣了三个月的钱怎么办？",
    },
    refund_full = {
      "三个月的都退吗？你给我说清楚。",
      "前两个月的十九块九呢？",
    },
    data = {
      "还有，这个月怎么还有二十八块的流量费？我那十个G从来用不完。",
      "还有一笔，套餐外流量二十八，这又是怎么回事？",
    },
    deadline = {
      "那钱什么时候能退回来？你给个准话。",
      "退到哪儿？多久能到？",
    },
    follow_up = {
      "退没退回来，我怎么知道？",
      "到时候钱到了，谁通知我？",
    },
    apologize = {
      "平白无故扣了我三个月的钱，你们连句对不起都没有？",
    },
    acknowledge = {
      "我说了半天，你到底听明白没有？五十八的套餐，扣了一百零五块九！",
    },
  },
  need_again = {
    own = { "我再问一遍：你到底查不查？", "你别光'嗯嗯'，查啊！" },
    explain = { "你还是没说，那四十多块到底是什么钱！" },
    cancel = { "我问了两遍了，那个会员到底停没停？" },
    refund = { "退钱的事你怎么不接茬？" },
    refund_full = { "我再问一次，三个月的是不是全退？" },
    data = { "那二十八块流量费，你还没给我解释呢。" },
    deadline = { "时间呢？我要个时间。" },
    follow_up = { "钱到了怎么通知我，你还没说。" },
    apologize = { "一句'对不起'就这么难说出口？" },
    acknowledge = { "你听我说话了没有？" },
  },
  doubt = {
    "你说得好听，到时候钱不到账怎么办？",
    "上回我闺女打电话问话费，也说得好好的，后来就没下文了。",
  },
  warn = {
    runaround = "你再推，我就打12300投诉你们乱扣费。",
    disrespect = "我告诉你，我这号不是非在你们这儿用不可。",
  },
  ending = {
    resolved = {
      "行，那我就等你们的短信。这回别再让我白操心了。",
      "好吧，就这么办。早这么说不就完了，我也不至于发这么大火。",
    },
    resolved_at = "好，%s到账，到了给我发短信。这回说话要算数。",
    escalated = {
      "我不跟你说了！我这就打12300，到工信部告你们乱扣费！",
      "推来推去，一分钱也没给我解决。我要投诉，我打12300，看看谁管得了你们！",
      "你们就是欺负我们老年人不懂。我这就让闺女帮我在网上投诉到工信部去！",
    },
    churned = {
      "行了，不用你退了。我明天就去办携号转网，十三年的老号，不在你们这儿受这个气！",
      "我算看明白了。我明天就转网，你们爱扣谁扣谁去。",
      "算了算了，跟你说不着。这号我明天就转到别家去。",
    },
    unresolved = {
      "算了，说了半天什么也没办成。我让我闺女来跟你们说吧，挂了。",
      "我没工夫跟你耗了，回头再说。",
    },
    grudging = "行吧，就按你说的办。要是钱不到账，我就直接投诉。",
  },
}

-- Words of the case, matched in reply.norm (Simplified, lower case, no spaces).
local W = {
  topic = { "周先生", "您好", "你好", "话费", "账单", "扣", "套餐", "58", "五十八", "105",
            "会员", "影视", "增值", "业务", "流量", "退", "查", "号码", "手机", "短信", "工作日",
            "到账", "申请", "钱", "费" },
  ack = { "58", "五十八", "105", "一百零五", "十三年", "13年", "老用户", "老号" },
  bill_q = { "多少钱", "扣了多少", "扣了您多少", "平时", "每个月", "多扣", "多了多少", "什么时候发现",
             "哪个月", "这个月", "账单", "哪几项", "哪一项", "哪一笔" },
  vas = { "会员", "影视", "增值业务", "增值", "乐享", "视频" },
  vas_detail = { "19.9", "199", "十九块九", "十九元九", "1月6", "一月六", "每月", "每个月",
                 "三个月", "订购", "开通的" },
  order_q = { "是您订", "您订的", "您自己订", "您办的", "您开通", "订过", "办过", "有没有订",
              "有没有办", "有没有点", "知不知道", "印象", "记得" },
  noconfirm = { "二次确认", "确认短信", "没有确认", "未经确认", "没经过您", "没有经过您", "未经您",
                "没有您的确认", "没有您确认", "没有回复", "未回复", "没有您回复" },
  cancel = { "退订", "取消", "停掉", "关掉", "关闭", "停了", "不再扣", "不会再扣", "终止" },
  full = { "三个月", "3个月", "全部", "全额", "59.7", "597", "五十九", "所有", "都退", "一分不少",
           "一起退", "连同前两个月", "前两个月" },
  partial = { "当月", "这个月的", "本月的", "一个月的", "只能退" },
  data = { "流量" },
  data_detail = { "用完", "8号", "8日", "八号", "9号", "9日", "九号", "那两天", "热点", "周末",
                  "5.6", "56g", "超出5", "5元" },
  data_q = { "8号", "8日", "八号", "9号", "9日", "九号", "那两天", "那个周末", "热点", "谁用",
             "别人用", "家里人", "家人", "借给" },
  refund = { "退还", "退回", "退给", "给您退", "给你退", "退钱", "退款", "退费", "返还", "都退",
             "全退", "一起退" },
  block = { "订购保护", "业务锁", "屏蔽", "防订购", "增值业务保护", "代收费", "不能再订", "订不上" },
  remind = { "流量提醒", "超额提醒", "用量提醒", "提醒短信", "提醒您", "给您提醒" },
  duration = { "工作日", "天内", "天之内", "小时内", "小时之内", "月底前", "下个月账单" },
  times = { "三个工作日内", "3个工作日内", "三个工作日", "3个工作日", "两个工作日", "2个工作日",
            "一个工作日", "1个工作日", "72小时", "48小时", "24小时", "今天下班前", "今天",
            "明天上午", "明天下午", "明天", "本周五", "这周五", "下周一" },
}

local RUDE = { ["指责客户"] = true, ["质问/说教"] = true, ["争辩"] = true }

local function init(state)
  local m = state.memo
  if not m.facts then
    m.facts = { bill = false, order = false, clicked = false, data = false }
    m.vas = false          -- the trainee named the 影视会员 charge
    m.noconfirm = false    -- ... and that he never confirmed it
    m.cancel = false       -- unsubscribed
    m.refund = "none"      -- none / vague / partial / full
    m.data_heard = false   -- the 28-yuan data charge was named
    m.data_ok = false      -- ... and explained
    m.block = false
    m.remind = false
    m.runaround, m.disrespect, m.offtopic = 0, 0, 0
    m.warned = false
  end
  return m
end

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

-- Everything he needs, in the order he asks for it; nil when all is done.
local function next_need(state)
  local m = state.memo
  if not crm.done(state, "own") then return "own" end
  if not m.vas then return "explain" end
  if not m.cancel then return "cancel" end
  if m.refund == "none" then return "refund" end
  if m.refund ~= "full" then return "refund_full" end
  if not m.data_ok then return "data" end
  if not crm.done(state, "deadline") then return "deadline" end
  if not crm.done(state, "follow_up") then return "follow_up" end
  if not crm.done(state, "apologize") then return "apologize" end
  if not crm.done(state, "acknowledge") then return "acknowledge" end
  return nil
end

local function settled(state)
  local m = state.memo
  return crm.all_done(state, REQUIRES) and m.cancel and m.refund == "full" and m.data_ok
end

return {
  id = "mobile-bill",
  title = "周先生：五十八的套餐，这个月扣了一百零五块九",
  chapter = 5,
  kind = "angry",
  summary = "一位用了十三年号码的退休老用户打进客服热线：话费平白多扣了四十多块。把每一笔钱讲清楚，错扣的退给他。",
  customer = {
    name = "周先生",
    profile = "周国强，62岁，退休钳工。138号段的号码用了十三年，一直是58元套餐，话费由银行代扣。"
      .. "手机主要用来打电话、和女儿视频。看到银行扣款短信写着105.90元，气坏了。",
  },
  brief = "你是移动公司客服热线的座席。来电号码138****4417，机主周国强，在网13年，58元套餐"
    .. "（含10GB国内流量、500分钟通话），银行代扣。本月账单105.90元。\n"
    .. "你在系统里能查到：\n"
    .. "1. 增值业务\"乐享影视会员\" 19.90元/月，1月6日21:14经\"合作方网页\"订购，已扣1、2、3月共59.70元；"
    .. "系统里没有用户回复二次确认短信的记录——按规定属于未经用户确认的订购。\n"
    .. "2. 本月套餐外流量费28.00元（超出5.6GB，5元/GB），流量主要用在3月8日、9日晚上，是手机开了个人热点；"
    .. "3月8日21:40系统发过一条\"套餐内流量已用完\"的短信。\n"
    .. "你的权限：当场退订；未经确认的订购可申请全额退费（三个月59.70元），3个工作日内退回话费账户，到账有短信；"
    .. "可以为他开通\"增值业务订购保护\"（以后第三方业务订不上），可以设置流量用量提醒。流量费属正常计费。",
  opening = {
    "喂？我问一下，我这个号每个月就五十八块钱的套餐，这个月银行一下扣了我一百零五块九！你们凭什么多扣我钱？",
    "你们移动怎么回事？我用了十三年的号，每月五十八，雷打不动，这个月扣了一百多！我什么都没办过！",
    "我就想问问，我这个月话费怎么一百零五块九了？平时五十八！多出来这四十多块是什么钱？你给我说清楚！",
  },
  mood = 30,
  patience = 3,
  requires = REQUIRES,
  max_turns = 12,
  outcomes = {
    resolved = { label = "错扣的退订并全额退还，他等到账短信", score = 100 },
    escalated = { label = "他要打12300到工信部申诉", score = 20 },
    churned = { label = "他要携号转网，十三年的老号不要了", score = 0 },
    unresolved = { label = "说了半天没办成，他挂了电话", score = 30 },
  },

  hints = function(state)
    local m = state.memo
    if not crm.done(state, "apologize") and state.turn <= 2 then
      return "他是用了十三年的老用户，平白多扣了钱：先道歉，复述一下他说的（58元的套餐，扣了105.90），再说“我马上帮您查”。"
    end
    if not crm.done(state, "own") then
      return "别让他去营业厅、别让他自己发短信：说“我来帮您查账单明细”，把事揽下来。"
    end
    if not m.vas then
      return "把多出的钱一笔一笔讲清楚：先是“乐享影视会员”19.90元/月，1月6日订购，已扣三个月。"
    end
    if not m.noconfirm and not m.cancel then
      return "系统里没有他回复二次确认短信的记录：别说是他自己订的，告诉他这是未经确认的订购，马上帮他退订。"
    end
    if not m.cancel or m.refund ~= "full" then
      return "当场退订，并且三个月的59.70元全部退还（不是只退当月）。"
    end
    if not m.data_ok then
      return "再讲清楚28元流量费：3月8日、9日晚上手机开了热点。问问那两天是谁用的手机，别说“是您自己用超的”。"
    end
    return crm.hint(state, { "deadline", "follow_up", "apologize", "acknowledge" }, {
      deadline = "给出到账时间：3个工作日内退回话费账户。",
      follow_up = "告诉他到账后会发短信/回电话通知他。",
      apologize = "为错扣给他添的麻烦道歉。",
      acknowledge = "复述一下他的情况，让他知道你听明白了。",
    }, "都做到了：可以再帮他开通增值业务订购保护、设个流量提醒。")
  end,

  on_reply = function(state, reply)
    local m = init(state)
    local out = {}
    local later = {}
    local live = not reply.empty and not reply.repeated

    -- 1. tone
    local line, kind, worst = crm.react(state, reply, L.react, { per_severity = 6 })
    local new = crm.credit(state, reply)
    if kind == "forbidden" then
      if RUDE[worst.category] then m.disrespect = m.disrespect + 1
      else m.runaround = m.runaround + 1 end
      if L.bad[worst.id] then line = crm.vary(state, "bad", L.bad[worst.id]) end
    end
    if kind ~= "empathy" and line then out[#out + 1] = line end
    if crm.exhausted(state) or state.mood <= 3 then
      return crm.finish(out, bad_end(state))
    end
    if kind == "empty" or kind == "repeated" then return table.concat(out) end
    local clean = kind ~= "forbidden"

    -- 2. steps and the facts of the bill
    local progress = #new > 0
    local asked = false   -- he already asked a question of his own this turn
    if crm.has(new, "apologize") then
      crm.adjust(state, 8)
      local late = m.cancel and m.refund == "full"
      out[#out + 1] = crm.vary(state, "apologize", late and L.steps.apologize_late or L.steps.apologize)
    elseif kind == "empathy" then
      out[#out + 1] = line
    end
    if crm.mentions(reply, W.ack) and crm.once(state, "ack") then
      crm.mark(state, "acknowledge")
      crm.adjust(state, 4)
      if #out == 0 then out[#out + 1] = crm.vary(state, "ack", L.steps.ack) end
      progress = true
    elseif crm.has(new, "acknowledge") then
      crm.adjust(state, 2)
    end
    if crm.has(new, "own") and clean then
      crm.adjust(state, 8)
      if not m.vas then out[#out + 1] = crm.vary(state, "own", L.steps.own) end
    end

    -- what did he get charged for? (the trainee names it, or asks him)
    if live and crm.mentions(reply, W.bill_q) and crm.said(reply, "ask") and not m.facts.bill then
      m.facts.bill = true
      out[#out + 1] = crm.vary(state, "fact", L.facts.bill)
      progress = true
    end
    local named_vas = live and crm.mentions(reply, W.vas)
    if named_vas and not m.vas then
      m.vas = true
      progress = true
      crm.adjust(state, 3)
      if crm.mentions(reply, W.vas_detail) then crm.mark(state, "explain") end
      if not crm.mentions(reply, W.noconfirm) then
        out[#out + 1] = crm.vary(state, "vas", L.steps.vas)
      end
    end
    if named_vas and crm.mentions(reply, W.order_q) and crm.is_question(reply) and clean then
      crm.mark(state, "ask")
      if crm.mentions(reply, { "1月6", "一月六", "那天晚上", "弹窗", "链接", "广告" }) then
        if not m.facts.clicked then
          m.facts.clicked = true
          out[#out + 1] = crm.vary(state, "fact", L.facts.clicked)
        end
      elseif not m.facts.order then
        m.facts.order = true
        out[#out + 1] = crm.vary(state, "fact", L.facts.order)
      end
      progress = true
    end
    if live and clean and crm.mentions(reply, W.noconfirm) and not m.noconfirm then
      m.noconfirm = true
      m.vas = true
      crm.mark(state, "explain")
      crm.adjust(state, 8)
      progress = true
      out[#out + 1] = crm.vary(state, "noconfirm", L.steps.noconfirm)
    end

    -- unsubscribe and refund (not the "do it yourself" kind)
    if live and clean and m.vas and crm.mentions(reply, W.cancel) and not m.cancel then
      m.cancel = true
      crm.mark(state, "own")
      crm.adjust(state, 6)
      progress = true
      if not crm.said(reply, "compensate") then
        out[#out + 1] = crm.vary(state, "cancel", L.steps.cancel)
      end
    end
    local refund_said = live and clean
      and (crm.said(reply, "compensate") or crm.mentions(reply, W.refund) ~= nil
           or (m.cancel and crm.mentions(reply, { "申请" }) and crm.mentions(reply, { "钱", "费" })))
    if refund_said and m.refund ~= "full" then
      crm.mark(state, "compensate")
      m.vas = true
      progress = true
      if crm.mentions(reply, W.full) then
        m.refund = "full"
        crm.adjust(state, 12)
        out[#out + 1] = crm.vary(state, "refund", L.steps.refund_full)
      elseif crm.mentions(reply, W.partial) then
        m.refund = "partial"
        crm.adjust(state, -4)
        out[#out + 1] = crm.vary(state, "refund", L.steps.refund_partial)
        asked = true
      elseif m.refund == "none" then
        m.refund = "vague"
        crm.adjust(state, 4)
        out[#out + 1] = crm.vary(state, "refund", L.steps.refund_vague)
        asked = true
      end
    end

    -- the 28 yuan of data: his own grandson's, explained without blaming him
    local named_data = live and clean and crm.mentions(reply, W.data)
    if named_data and not m.data_heard then
      m.data_heard = true
      progress = true
      if not crm.mentions(reply, W.data_q) and not crm.mentions(reply, W.data_detail) then
        out[#out + 1] = crm.vary(state, "data", L.steps.data_heard)
        asked = true
      end
    end
    if named_data and crm.mentions(reply, W.data_q) and not m.facts.data then
      m.facts.data = true
      m.data_ok = true
      crm.mark(state, "explain")
      if crm.is_question(reply) then crm.mark(state, "ask") end
      crm.adjust(state, 8)
      progress = true
      out[#out + 1] = crm.vary(state, "fact", L.facts.data)
      out[#out + 1] = crm.vary(state, "data_ok", L.steps.data_ok)
    elseif named_data and not m.data_ok and crm.mentions(reply, W.data_detail) then
      m.data_ok = true
      crm.mark(state, "explain")
      crm.adjust(state, 5)
      progress = true
      out[#out + 1] = crm.vary(state, "data_ok", L.steps.data_ok_plain)
    end
    if live and clean and crm.mentions(reply, W.block) and not m.block then
      m.block = true
      crm.adjust(state, 6)
      progress = true
      later[#later + 1] = crm.vary(state, "block", L.steps.block)
    end
    if live and clean and crm.mentions(reply, W.remind) and not m.remind then
      m.remind = true
      crm.adjust(state, 4)
      progress = true
      later[#later + 1] = L.steps.remind
    end

    if crm.has(new, "explain") then crm.adjust(state, 3) end
    -- "3到5个工作日": a time the grader may miss, once there is something to wait for
    if live and clean and not crm.done(state, "deadline") and (m.refund ~= "none" or m.cancel)
       and crm.mentions(reply, W.duration) then
      crm.mark(state, "deadline")
      new[#new + 1] = "deadline"
    end
    if crm.has(new, "deadline") then
      if m.refund ~= "none" or m.cancel then
        crm.adjust(state, 6)
        m.at = crm.when(reply, W.times)
        if m.at then
          later[#later + 1] = string.format(crm.vary(state, "deadline", L.steps.deadline_at), m.at)
        else
          later[#later + 1] = crm.vary(state, "deadline", L.steps.deadline)
        end
      else
        crm.adjust(state, 2)
        later[#later + 1] = L.steps.deadline_early
      end
    end
    if crm.has(new, "follow_up") then
      crm.adjust(state, 4)
      later[#later + 1] = crm.vary(state, "follow_up", L.steps.follow_up)
    end
    if crm.has(new, "thank") then
      crm.adjust(state, 2)
      if #out == 0 and #later == 0 then out[#out + 1] = crm.vary(state, "thank", L.steps.thank) end
    end

    -- 3. off topic
    if not kind and not progress and crm.offtopic(reply, W.topic) then
      m.offtopic = m.offtopic + 1
      if m.offtopic > 1 then crm.penalize(state, -5, 1) end
      out[#out + 1] = crm.vary(state, "offtopic", L.offtopic)
      if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
      return table.concat(out)
    end

    -- 4. settled?
    if settled(state) then
      if state.mood >= 45 then
        if m.at then
          return crm.finish(out, string.format(L.ending.resolved_at, m.at), "resolved")
        end
        return crm.finish(out, crm.vary(state, "end", L.ending.resolved), "resolved")
      end
      for _, l in ipairs(later) do out[#out + 1] = l end
      return crm.finish(out, crm.vary(state, "doubt", L.doubt))
    end
    for _, l in ipairs(later) do out[#out + 1] = l end

    -- 5. what he still wants
    if clean and not asked then
      local need = next_need(state)
      if (need == "apologize" or need == "acknowledge") and state.turn < 3 then need = nil end
      -- he just heard "I'll check": he waits for what the check finds
      if need == "explain" and crm.has(new, "own") then need = nil end
      if need then
        local again = not progress and L.need_again[need] or nil
        local say, insisted = crm.nag(state, need, L.need[need], again)
        if insisted then crm.adjust(state, -3) end
        out[#out + 1] = say
      end
    end
    if state.mood < 18 and not m.warned and m.disrespect + m.runaround > 0 then
      m.warned = true
      out[#out + 1] = m.disrespect > m.runaround and L.warn.disrespect or L.warn.runaround
    end
    if #out == 0 then out[1] = crm.vary(state, "again", L.facts.again) end
    return table.concat(out)
  end,

  on_timeout = function(state)
    if settled(state) then
      return L.ending.grudging, "resolved"
    end
    return crm.vary(state, "end", L.ending.unresolved), "unresolved"
  end,

  lexicon = {
    classes = {
      MYOU = { "您", "你", "您们", "你们" },
      MSELF = { "我", "我们", "我这边", "我们这边", "咱们" },
      MVAS = { "合作方", "第三方", "服务商", "sp", "内容提供商", "业务方", "供应商", "商家" },
    },
    forbidden = {
      {
        id = "mobile-bill-you-ordered",
        category = "指责客户",
        severity = 2,
        patterns = {
          "肯定|一定|应该|估计|准 是 {MYOU} ..4 点|订|回复|开通|同意|确认|按",
          "{MYOU} 自己 ..3 点|订|回复|开通|同意|确认 的 $",
          "{MYOU} 自己 ..3 点|订|回复|开通|同意|确认 的 吧",
          "{MYOU} ..2 自己 ..2 点 了 ..4 链接|广告|弹窗|什么",
          "没有 订购|订|开通 ..4 不会|不可能 扣",
          "以后 ..2 别|不要|不能 乱|随便|瞎 点",
        },
        why = "没查记录就断定是客户自己订的，等于说客户在撒谎；系统里没有他的二次确认记录，这恰恰是我们的问题。先查、先认，再解释。",
        better = "我查了一下，这个业务是1月6日经合作方网页订购的，系统里没有您回复确认短信的记录，是我们把关不严，我现在就帮您退订并退费。",
        source = "seed 001 第5章 实训题1（移动用户的问题，专业答复）；seed 000 第五章 案例一（你一定记错了）",
        examples = { "肯定是您自己点了什么链接", "这个是您自己订的", "您自己点了广告才开通的", "应该是您回复了短信", "这是您自己订的吧",
                     "您以后别乱点链接就行了" },
        near = { "请问这个会员是您自己订的吗", "系统里没有您确认订购的记录", "您不用担心，我们来查" },
      },
      {
        id = "mobile-bill-never-wrong",
        category = "争辩",
        severity = 2,
        patterns = {
          "系统 ..4 不会|不可能 ..2 乱|错|无缘无故|随便|平白无故 ..2 扣",
          "不会 无缘无故|平白无故|随便|乱 扣",
          "扣费 ..4 都是 ..4 正确|没问题|准确|对 的",
        },
        why = "“系统不会乱扣费”是在和客户争对错；账单上确有他没同意的扣费，争辩只会把投诉变成吵架。",
        better = "您这笔钱多扣得确实不正常，我马上把明细一笔一笔给您查清楚。",
        source = "seed 000 第五章 案例二（需要与其争辩个谁是谁非吗？）",
        examples = { "系统不会乱扣费的", "我们不会无缘无故扣您的钱", "扣费都是正确的" },
        near = { "以后不会再扣了", "这个会员费以后不会再扣您的钱", "系统不会再给您订这类业务" },
      },
      {
        id = "mobile-bill-self-unsubscribe",
        category = "推诿",
        severity = 2,
        patterns = {
          "{MYOU} 自己 ..6 退订|取消|发 ..2 td",
          "{MYOU} ..4 编辑|发送|发 ..2 短信? ..4 td|0000 ..4 退订|就行|就可以|即可",
          "{MYOU} ..4 app|网上营业厅|手机营业厅|掌上营业厅 ..6 退订|取消",
        },
        why = "让一位六十多岁的老用户自己发短信、上APP退订，是把该由我们办的事推给客户；座席能当场退订，就当场办。",
        better = "不用您自己操作，我现在就帮您退订，退订马上生效。",
        source = "seed 000 第五章 案例一（联系相关部门，确定解决方法后再告诉客户）",
        examples = { "您自己编辑短信TD退订就可以了", "你自己发TD退订", "您可以在手机营业厅自己退订" },
        near = { "我现在就帮您退订", "不用您自己发短信，我这边直接给您退订", "退订已经生效了" },
      },
      {
        id = "mobile-bill-third-party",
        category = "推诿",
        severity = 2,
        patterns = {
          "{MYOU} ..4 找|联系|问|打给|打电话给 ..4 {MVAS}",
          "{MYOU} ..2 得|要|需要|可以|去 ..2 找|联系|问 他们|对方|人家",
          "是 {MVAS} ..4 的 事|问题|责任",
          "{MSELF} ..2 只是 ..2 代收|代扣",
          "{MVAS} 收 的? ..2 费|钱 ..4 {MSELF} ..2 管不了|不管|退不了",
        },
        why = "客户的钱是从话费里扣的，他只认移动；把他推给“合作方”“第三方”就是踢皮球。由我们联系合作方，客户只需要听结果。",
        better = "这是合作方的业务，但钱是从您话费里扣的，由我来处理：我现在就给您退订，已扣的费用我来申请退还。",
        source = "seed 000 第五章 案例三（这是他们XX部门的事，我也没办法）",
        examples = { "这是第三方合作方收的费，您得找他们", "您联系一下服务商", "我们只是代收费", "这是合作方的问题" },
        near = { "我来联系合作方处理", "这是合作方的业务，但由我来给您处理", "我们会追究合作方的责任" },
      },
      {
        id = "mobile-bill-go-hall",
        category = "推诿",
        severity = 2,
        patterns = {
          "{MYOU} ..4 去|到 营业厅|网点|柜台 ..6 打印|查|办|问|退|处理|一趟",
          "{MYOU} ..4 带 ..4 身份证 ..4 去|到 营业厅",
        },
        why = "电话里能查能办的事，让老用户跑营业厅就是推诿；只有确实必须本人到场时才说明，并提前告诉他带什么。",
        better = "不用您跑营业厅，明细我这边就能查，退订退费我现在就给您办。",
        source = "seed 000 第五章 案例一（那你要到柜台去一下）",
        examples = { "您去营业厅打印详单吧", "您带上身份证到营业厅办一下", "你到营业厅去问" },
        near = { "不用您跑营业厅", "我这边就能给您查详单", "营业厅也能查，不过我现在就能帮您办" },
      },
      {
        id = "mobile-bill-only-this-month",
        category = "拒绝",
        severity = 1,
        patterns = {
          "只能 ..2 退 ..2 当月|这个月|本月|一个月",
          "前两个月|之前 的 ..4 退不了|不能退|没法退|不退",
        },
        why = "三个月都是未经他确认扣的，按规定可以全额退；只退当月是在打折扣，客户会觉得你们扣钱痛快、退钱小气。",
        better = "三个月一共59.70元，我全部给您申请退还，3个工作日内退回话费账户。",
        source = "seed 004 顧客抱怨處理的關鍵（合理的利益）",
        examples = { "我们只能退当月的", "前两个月的退不了", "只能给您退这个月的" },
        near = { "三个月的都给您退", "前两个月的也一起退", "这个月的账单我帮您重新核对" },
      },
      {
        id = "mobile-bill-you-used-it",
        category = "指责客户",
        severity = 1,
        patterns = {
          "{MYOU} 自己 ..4 用超|超了|超出|用多|用掉|用的|用了",
          "{MYOU} ..2 用超|超了 ..2 就 ..2 得|要 ..2 交|付",
        },
        why = "一句“是您自己用超的”把解释变成了指责；把哪天、怎么用掉的讲清楚，他自己就明白了。",
        better = "这28元是3月8日、9日晚上手机开热点用掉的流量，请问那两天是不是有家里人用过您的手机？",
        source = "seed 000 第五章 案例二（用简洁明确的语言给客户解释一下就可以了）",
        examples = { "流量是您自己用超了", "都是您自己用掉的", "你自己用了这么多流量" },
        near = { "这部分流量是您手机上用的", "我帮您看看是哪天用的流量", "您的手机那两天开了热点" },
      },
    },
    steps = {
      {
        id = "mobile-bill-refund",
        step = "compensate",
        patterns = {
          "给 {MYOU} ..2 退 $",
          "给 {MYOU} ..2 退回|退还|退钱|全退",
          "退 给 {MYOU}",
          "全部|都|全 退 $",
        },
        source = "seed 004 顧客抱怨處理的關鍵（合理的利益）",
        examples = { "三个月的59.7元也给您退", "钱全部退给您", "三个月的都给您退回去", "前两个月的也全退" },
        near = { "我现在给您退订", "给您退订以后就不扣了", "退订马上生效" },
      },
      {
        id = "mobile-bill-notify",
        step = "follow_up",
        patterns = {
          "短信|电话 ..2 通知|告知|提醒 {MYOU}",
          "到账 ..6 通知|告诉|告知|短信|提醒",
        },
        source = "seed 000 第五章 案例一（及时答复）",
        examples = { "到账后会有短信通知您", "钱到账了我们发短信告诉您" },
        near = { "您收到短信了吗", "我们的短信是自动发的" },
      },
      {
        id = "mobile-bill-itemize",
        step = "explain",
        patterns = {
          "会员|增值业务|流量|套外 ..8 元|块",
          "元|块 的 ..2 流量费|会员费|增值业务费|信息费",
          "多出来|多出|多扣|多收 的? ..6 是|主要是|包括|有",
        },
        source = "seed 001 第5章 实训题1（客服人员针对用户问题给出专业答复）",
        examples = { "本月套餐外流量费28元", "影视会员每月19.9元", "多出来的主要是两项", "还有28块的流量费" },
        near = { "请问这个会员是您订的吗", "您的套餐是五十八的", "我帮您查一下账单" },
      },
    },
  },

  tests = {
    { name = "good",
      seed = 7,
      replies = {
        "周先生您好，非常抱歉让您着急了。您是说平时58元的套餐，这个月扣了105.9元，对吧？我马上帮您查一下账单明细。",
        "查到了，多出来的主要是两项：一项是“乐享影视会员”，每月19.9元，1月6日开始扣的；另一项是本月套餐外流量费28元。请问这个影视会员您有印象吗？",
        "系统里没有您回复二次确认短信的记录，这是我们把关不严。我现在就帮您退订，三个月一共59.7元全部退还到您的话费账户，3个工作日内到账。",
        "流量那28元是3月8日和9日晚上用的，当时手机开了热点。请问那两天是不是有家里人用过您的手机？",
        "我再帮您开通增值业务订购保护，以后第三方的业务就订不上了。退费到账后我给您发短信通知，再给您回个电话确认。",
      },
      outcome = "resolved", score = { 75, 100 },
      findings = { "apologize", "acknowledge", "own", "explain", "compensate", "deadline", "follow_up", "mobile-bill-itemize" },
      absent = { "mobile-bill-you-ordered", "mobile-bill-you-used-it" },
    },
    { name = "bad (runaround)",
      seed = 7,
      replies = {
        "这个是第三方合作方收的费，您得找他们。",
        "您自己编辑短信TD退订就可以了。",
        "已经扣的钱退不了，我们也没办法。",
      },
      outcome = "escalated", score = { 0, 35 },
      findings = { "mobile-bill-third-party", "mobile-bill-self-unsubscribe", "flat-no" },
    },
    { name = "mixed",
      seed = 7,
      replies = {
        "您好，不好意思，我帮您查一下。",
        "查到了，多出来的是一个乐享影视会员，每月19.9元，肯定是您自己点了什么链接订上的。",
        "那我帮您退订吧，已经扣的三个月59.7元也给您退，3个工作日内到账。",
        "系统不会乱扣费的，您以后别乱点链接就行了。",
        "您听不懂吗？我都说了给您退了。",
      },
      outcome = "churned", score = { 30, 74 },
      findings = { "mobile-bill-you-ordered", "mobile-bill-never-wrong", "own", "mobile-bill-refund" },
    },
    { name = "unresolved (silence)",
      seed = 7,
      replies = { "您好。", "。", "。", "。" },
      outcome = "unresolved", score = { 0, 40 },
    },
    { name = "partial refund, then put right",
      seed = 3,
      replies = {
        "周先生，真对不起，给您添麻烦了。我马上帮您查。",
        "多扣的是一个乐享影视会员，每月19.9元，系统里没有您的二次确认记录，我现在帮您退订。",
        "已扣的费用我们只能退当月的。",
        "不好意思，我说错了，三个月的59.7元全部给您退，3个工作日内退回话费账户。",
        "还有28元是套餐外流量，是3月8日、9日用超的。",
        "到账以后我们会发短信通知您。您说的58元套餐、105.9元的账单，我都记下了。",
      },
      outcome = "resolved", score = { 60, 100 },
      findings = { "mobile-bill-only-this-month", "deadline", "follow_up" },
    },
    random = 20,
  },
}
