-- gold-card.lua - 沈女士：九年的金卡，赠券和晚宴邀请都没收到（忠诚客户）
--
-- 出处：seeds/000 第七章《客户忠诚度管理》教学案例"代顿-哈德森公司培养顾客忠诚"：
--   消费者信息系统显示 2.5% 的顾客贡献了 33% 的销售额；"金卡计划"没有照搬
--   免费购物、里程累积，而是提供费用不高的软性优惠——时尚资讯信笺、即将上市的
--   产品信息、一张金卡、免费包装、免费咖啡、金卡会员专用的服务号码、每季度寄送
--   赠券；顾客最关心的是与店员的充分交流、店员与她们分享商品信息，"甚至一些小的
--   不被注意的细节也能赢得顾客的好感"；把高度忠诚的顾客请来参加时尚论坛、招待
--   晚宴，"使这些顾客感到自己身份的特殊性"。同章的 Guinness 案例：企业感觉客户
--   在流失，"但是不知道谁是自己的客户，谁流失了"。
--   seeds/002 6.4 客户忠诚度管理一节的"10-10-10 法则"：失去一位客户只要 10 秒，
--   找回来要 10 年；开发新客户的花费是维持老客户的 10 倍。
--   "明珠百货"是练习用的虚构百货公司。
--
-- 情境：沈慧芳女士是九年的金卡会员（属于那 2.5%）。两年前她在服务台改了地址，
--   但寄赠券和邀请函的名单还是旧地址：这季度的赠券没收到，周六的金卡答谢晚宴
--   邀请函也没收到（邻居王太太收到了）；昨天在二楼女装给母亲买生日礼物，新来的
--   店员不认识金卡，要看她身份证，还收了她十五块包装费。她打金卡专线，觉得自己
--   "跟谁都一样"。她要的不是几张券，而是被认出来、被感谢、有人亲自把事办好、
--   办好了告诉她。
--
-- 学员要做（requires）：acknowledge 认出她（叫出"沈女士"、说出她九年的会员
--   历史），thank 感谢她多年的支持，apologize 道歉，own 亲自负责，compensate 用
--   软性优惠把事补上（补送赠券、补发邀请函/留晚宴座位、免费包装、专属顾问……），
--   follow_up 办好后告诉她。加分：deadline，ask 问清昨天的经过，改地址，培训店员。
--   冷落她的：照本宣科"请问有什么可以帮您"、要她报卡号/出示金卡/核实身份、
--   "所有顾客一视同仁"、只拿钱打发；冒犯她的：说教（"您应该及时更新地址"
--   "手册上写得很清楚"）、争辩、指责。
--
-- 结局：resolved   认出、感谢、道歉、亲自负责、软性补偿（赠券或晚宴）、答应回复，
--                  心情好 → 她说周六见；
--       churned    "一视同仁"（当场）、两次要她证明身份、冷冰冰的流程，或耐心耗尽
--                  → 她把消费挪到对面的新世纪广场；
--       escalated  说教、争辩、指责占多数时耗尽耐心 → 她要客服经理回电、给总经理写信；
--       unresolved 轮数用完，心情尚可但事没办完 → "你们看着办吧"。

local REQUIRES = { "acknowledge", "thank", "apologize", "own", "compensate", "follow_up" }

local L = {
  react = {
    forbidden = {
      ["推诿"] = {
        "这个部门那个部门的，我打的是金卡专线。",
        "我不管是谁寄错的，我只认明珠百货。",
      },
      ["拒绝"] = {
        "办不了？九年了，我第一次听你们说'办不了'。",
        "行，什么都不行。",
      },
      ["指责客户"] = {
        "怎么，倒成我的不是了？",
        "我在服务台改地址的时候，你们的人可是亲手录的。",
      },
      ["质问/说教"] = {
        "你不用给我讲规矩，金卡的规矩我比你清楚。",
        "我打电话来，不是来听课的。",
      },
      ["争辩"] = {
        "我不是来跟你争谁对谁错的。",
        "你们都对。那我这个金卡会员算什么？",
      },
      ["敷衍"] = {
        "……你是在念稿子吧？",
        "这话听着，跟对谁说都一样。",
      },
      default = { "……", "明珠以前不是这样的。" },
    },
    empty = { "喂？你在听吗？", "……喂？", "你还在吗？" },
    repeated = { "这句你刚才说过了。", "你们专线就会这一句？" },
    calmer = {
      "……嗯，听你这么说，我心里好受一点。",
      "我也不是要为难你，小姑娘。",
      "你的态度我是认的。",
    },
  },
  named = {
    "嗯，是我。……你们总算还知道我姓沈。",
    "对，沈慧芳。九年了，你能这么叫我，我心里舒服多了。",
    "（语气缓下来一点）你知道我是谁就好。",
  },
  named_late = { "嗯，是我。", "对，我姓沈。" },
  history = {
    "九年了。明珠开金卡那年我就办了，那时候二楼的店长还是老周，见我就喊'沈老师'。",
    "是啊，九年。我母亲的寿礼、女儿的嫁妆，好多都是在你们这儿买的。",
  },
  unrecognised = {
    "你知道你在跟谁说话吗？你们这个专线，不是一打进来就能看到我的资料吗？",
    "我都报了名字了，你那边屏幕上没有我？",
  },
  prove = {
    first = {
      "卡号？九年了，你们这个金卡专线还要我报卡号？",
      "你也要核对我的身份？昨天二楼那个小姑娘也是这么说的。",
      "出示金卡……我就是因为这个才打的电话。",
    },
  },
  allsame = {
    "一视同仁……好，我明白了。那我以后也一视同仁，去哪儿买都一样。",
    "所有顾客都一样？那我这九年算什么？行，我知道了。",
  },
  script = {
    "我刚才不是都说了吗？赠券没收到，邀请函没收到，昨天在二楼还被当成生人。",
    "你没听我说话？我说的是我的金卡。",
  },
  vague = {
    relay = {
      "反馈给相关部门……那是哪个部门？什么时候有结果？",
      "反馈上去，然后呢？我的赠券两年都寄错地方，也没见谁反馈。",
    },
    wait = {
      "尽快？我等这季度的赠券，已经'尽快'了两个月了。",
      "你们会处理……那是谁处理，什么时候？",
    },
  },
  closing = {
    "还有什么？我的事你还没说怎么办呢。",
    "这就要挂了？赠券和邀请函呢？",
  },
  closing_done = {
    "没别的了。就是……办好了，有人告诉我一声吗？",
    "没有了。东西送到了，你打个电话给我就行。",
  },
  closing_all = { "没有了，谢谢你。", "没别的了。" },
  money = {
    "我不是为了这几张券、几十块钱。",
    "钱的事不重要，我要的不是这个。",
  },
  excuse = {
    "寄出去了？寄到哪儿去了？我两年前就在一楼服务台改了地址。",
    "按登记的地址寄……我两年前就登记了新地址，湖畔花园12栋。",
  },
  money_known = {
    "代金券就不必了。我要的不是钱，是赠券、邀请函这些本该有的东西。",
    "钱就算了。周六的晚宴呢？",
  },
  facts = {
    clerk = {
      "昨天下午两点多，二楼女装，一个新来的小姑娘，工牌上写着'实习'。我给我母亲挑了条羊绒披肩，下礼拜她八十大寿。我拿出金卡，她翻来覆去看，说'阿姨您有身份证吗？我核对一下'。包装也收了我十五块，说免费包装只限活动期间。",
      "就昨天下午，二楼女装。我给我妈买八十大寿的礼物，一条羊绒披肩。金卡递过去，那个实习的小姑娘问我要身份证，说要核对；包装又收了十五块。我不是心疼十五块，我是觉得，九年了，在你们店里我跟第一次来的人一样。",
    },
    mail = {
      "这季度的赠券到现在没见着，上季度的也是拖了好久。周六晚上的答谢晚宴，我邻居王太太上礼拜就收到邀请函了，我一个字都没收到。",
      "赠券没收到。晚宴的邀请函也没有，还是王太太问我'沈老师周六去不去'，我才知道有这么个晚宴。",
    },
    address = {
      "我两年前就在一楼服务台改了地址，湖畔花园12栋。当时那个姑娘还跟我说'改好了'。",
      "地址？两年前搬到湖畔花园，当时就在你们服务台改了。",
    },
    again = { "我刚才都说了。", "该说的我都说了。" },
  },
  steps = {
    thank = {
      "谢我？……你们这么说，我这九年也算没白来。",
      "嗯，这句话听着舒服。",
    },
    apologize = {
      "嗯，你这么说，我就不往心里去了。",
      "道歉我收下。我要的也就是个态度。",
    },
    own = {
      "你亲自办？好，我记住你了。",
      "有人管就好。我最怕的就是又转来转去。",
    },
    coupons = {
      "赠券送到家里？……那倒不必这么麻烦，不过你们有这个心就好。",
      "行，券补上就行，我也不是为那几张券。",
    },
    invite = {
      "晚宴给我留了座位？……那周六我去看看。那个时尚论坛，我每年都去的。",
      "邀请函补上就好。那个晚宴我每年都去，今年差点成了局外人。",
    },
    wrap = {
      "包装那十五块倒不是钱的事，不过你们认这个理就好。",
      "以后包装免费？嗯，这才是金卡该有的样子。",
    },
    perks = {
      "专属顾问？那好，以后买东西有个熟人，我也省心。",
      "嗯，你们还记得金卡有这些，就好。",
    },
    address = {
      "地址这回可得改对了，湖畔花园12栋。",
      "对，湖畔花园12栋。别再寄到滨江路去了。",
    },
    clerk = {
      "店员那边也说一声吧，我不是要罚谁，小姑娘新来的，教教就好。",
      "培训一下也好，别的老顾客也别再碰上这种事。",
    },
    deadline_at = { "%s是吧，好。", "%s，我记下了。" },
    follow_up = {
      "好，办好了你打个电话给我。",
      "嗯，有个回音就好，别让我又等着。",
    },
    ask = { "你问吧。", "嗯。" },
  },
  need = {
    named = {
      "你知道你在跟谁说话吗？",
      "你们这个专线，能看到我是谁吗？",
    },
    thank = {
      "九年了，我在你们这儿花了多少钱，我自己都算不清。",
      "我这么多年，就图个在你们这儿舒心。",
      "我母亲的寿礼、女儿的嫁妆，哪样不是在明珠买的。",
    },
    apologize = {
      "昨天那个事，你们就没什么要说的？",
    },
    own = {
      "这事到底谁来管？别又是'反馈上去'。",
      "你就说，这事谁给我办？",
    },
    fix = {
      "那我的赠券呢？周六的晚宴呢？",
      "说了半天，赠券和邀请函怎么办？",
    },
    follow_up = {
      "办好了，有人告诉我一声吗？",
      "我等你们消息，还是又石沉大海？",
    },
  },
  need_again = {
    named = { "我问你，你知道我是谁吗？", "你那边屏幕上，到底有没有我的资料？" },
    thank = { "九年的老会员，在你们这儿连句客气话都换不来？", "我在明珠九年，你们就没什么想说的？" },
    own = { "我再问一遍：这事谁管？", "绕来绕去，到底有没有人管？", "你就给我一句话：谁来办。" },
    fix = { "赠券和邀请函，你还没说怎么办。", "周六就是晚宴了，你说怎么办吧。" },
    follow_up = { "办好了告不告诉我，你给句话。", "我还是那句：办好了谁通知我？" },
  },
  offtopic = {
    "你说这些，跟我的金卡有什么关系？",
    "……嗯？",
  },
  filler = { "嗯。", "你接着说。", "……然后呢？" },
  ending = {
    resolved = {
      "好，那我周六晚上见。九年了，明珠还是明珠。",
      "行，就这么办吧。你替我谢谢你们经理，也谢谢你。周六见。",
    },
    resolved_at = "好，%s我等着。周六的晚宴我去，到时候见。",
    churned = {
      "算了，不用麻烦了。对面新世纪广场上个月也请我办卡，我去那边看看。",
      "我明白了，在你们这儿，我跟谁都一样。那我以后在哪儿买都一样。",
      "不用补了。我母亲的寿礼已经买了，以后的东西，我到别处买吧。",
    },
    escalated = {
      "行了，我不跟你说了。请你们客服经理给我回电话，这件事我还要写信给你们总经理。",
      "你们这个金卡专线我算见识了。把你们经理的电话给我，我要当面跟他说。",
    },
    unresolved = "好吧，你们看着办吧。我先不说什么了，等着看。",
  },
}

local W = {
  name = { "沈女士", "沈老师", "沈姐", "沈阿姨", "沈慧芳", "沈太太" },
  history = { "九年", "9年", "老会员", "多年", "这么多年", "一直支持", "老顾客", "老客户",
              "常客", "一直在", "一直光顾", "这些年" },
  topic = { "您好", "你好", "沈", "金卡", "赠券", "礼券", "邀请", "晚宴", "论坛", "地址",
            "二楼", "店员", "包装", "会员", "明珠", "披肩", "专线", "券" },
  script = { "有什么可以帮", "有什么需要", "什么事吗", "需要什么帮助", "办理什么",
             "有什么问题" },
  prove = { "卡号", "会员号", "身份证", "核实身份", "核对身份", "验证身份", "确认身份",
            "出示", "是会员吗", "是金卡会员吗", "会员身份" },
  spare = { "不用报", "不需要报", "不用您报", "不用出示", "不用您出示", "不需要出示",
            "不该", "不应该", "店员", "昨天", "小姑娘", "实习" },
  clerk_q = { "哪个专柜", "几点", "哪位", "怎么说", "怎么跟您说", "哪个店员", "什么时候",
              "昨天", "二楼", "经过", "具体" },
  mail_q = { "赠券", "邀请", "晚宴", "没收到", "寄" },
  address = { "地址", "湖畔花园", "滨江路" },
  coupons = { "赠券", "礼券", "券" },
  send = { "补寄", "重新寄", "补发", "送到", "送过去", "送上门", "亲自送", "专人送",
           "快递", "寄给您", "给您寄", "补给您", "补上", "送去" },
  invite = { "邀请函", "晚宴", "论坛", "嘉宾", "座位", "答谢会" },
  invite_ok = { "留", "加", "补", "送", "安排", "预留", "发", "邀请您" },
  wrap = { "包装" },
  wrap_ok = { "免费", "退", "不收", "送您", "返还" },
  wrap_no = { "只限", "不免费", "要收费", "需要付费", "另外收费", "要付" },
  excuse = { "按会员登记", "登记的地址", "按地址寄", "按登记", "系统显示", "寄出去了",
             "已经寄出", "已经寄了", "都寄了", "正常寄出" },
  perks = { "专属顾问", "购物顾问", "专人服务", "专属服务", "咖啡", "休息室", "贵宾室", "新品", "时尚资讯",
            "预览", "优先", "私人" },
  clerk_fix = { "培训", "楼面经理", "店长", "提醒店员", "告诉店员", "店员", "跟二楼" },
  wait = { "尽快", "尽量", "耐心等", "等消息", "等通知", "请您稍等" },
  relay = { "反馈给", "反映给", "转给", "转达", "上报", "提交给", "相关部门" },
  personal = { "我来", "我负责", "我亲自", "由我", "我马上", "我现在就", "我今天", "交给我" },
  closing = { "还有什么", "别的问题", "其他问题", "其他需要", "祝您", "生活愉快", "再见",
              "感谢您的来电", "感谢来电" },
  support = { "支持", "光顾", "惠顾", "信任", "厚爱", "照顾", "九年", "9年", "多年", "这么多年",
              "一直" },
  money = { "代金券", "优惠券", "现金券", "折扣", "打折", "积分", "返现", "红包" },
  times = { "今天下午", "今天晚上", "今天下班前", "明天上午", "明天下午", "这周五", "周五",
            "周六之前", "周六前" },
}

local RUDE = { ["质问/说教"] = true, ["争辩"] = true, ["指责客户"] = true }

local function init(state)
  local m = state.memo
  if m.named == nil then
    m.named = false      -- called her 沈女士 (or similar)
    m.known = false      -- her nine years were mentioned
    m.facts = { clerk = false, mail = false, address = false }
    m.fix = { coupons = false, invite = false, wrap = false, perks = false,
              address = false, clerk = false }
    m.prove = 0          -- asked to prove she is a member
    m.cold = 0           -- scripts, proof, money instead of care
    m.rude = 0           -- lecturing, arguing, accusing
    m.offtopic = 0
  end
  return m
end

local function bad_end(state)
  local m = state.memo
  if m.rude > 0 and m.rude >= m.cold then
    return crm.vary(state, "end", L.ending.escalated), "escalated"
  end
  return crm.vary(state, "end", L.ending.churned), "churned"
end

-- Severity of the reply's forbidden findings, each lexicon entry counted once
-- (one bad sentence can match the same entry in several clauses).
local function sting(reply)
  local seen, sum = {}, 0
  for _, f in ipairs(reply.forbidden or {}) do
    if not seen[f.id] then
      seen[f.id] = true
      sum = sum + (f.severity or 1)
    end
  end
  return sum
end

local function has_id(reply, id)
  for _, f in ipairs(reply.forbidden or {}) do
    if f.id == id then return true end
  end
  return false
end

-- the soft benefits of the case, each noticed once; returns the lines
local function soft_benefits(state, reply, out)
  local m = state.memo
  local got = false
  if not m.fix.coupons and crm.mentions(reply, W.coupons) and crm.mentions(reply, W.send) then
    m.fix.coupons = true
    got = true
    crm.adjust(state, 8)
    out[#out + 1] = crm.vary(state, "coupons", L.steps.coupons)
  end
  if not m.fix.invite and crm.mentions(reply, W.invite) and crm.mentions(reply, W.invite_ok) then
    m.fix.invite = true
    got = true
    crm.adjust(state, 10)
    out[#out + 1] = crm.vary(state, "invite", L.steps.invite)
  end
  if not m.fix.wrap and crm.mentions(reply, W.wrap) and crm.mentions(reply, W.wrap_ok)
     and not crm.mentions(reply, W.wrap_no) then
    m.fix.wrap = true
    got = true
    crm.adjust(state, 5)
    out[#out + 1] = crm.vary(state, "wrap", L.steps.wrap)
  end
  if not m.fix.perks and crm.mentions(reply, W.perks) then
    m.fix.perks = true
    got = true
    crm.adjust(state, 5)
    out[#out + 1] = crm.vary(state, "perks", L.steps.perks)
  end
  if got then crm.mark(state, "compensate") end
  return got
end

return {
  id = "gold-card",
  title = "沈女士：九年的金卡，赠券和晚宴邀请都没收到",
  chapter = 7,
  kind = "loyalty",
  summary = "一位九年的金卡老会员打来金卡专线：这季度的赠券、周六晚宴的邀请函都没收到，昨天店员还不认识她的金卡。她要的不是几张券，是被当成老朋友。",
  customer = {
    name = "沈女士",
    profile = "沈慧芳，58岁，退休中学音乐老师，明珠百货开办金卡那年就入会。讲究、体面，说话客气但分量重；受了委屈不吵，只是不再来。",
  },
  brief = "你是明珠百货“金卡会员专线”的客服专员（这是只给金卡会员的专用服务号码）。\n"
    .. "来电已自动匹配会员档案：沈慧芳女士，金卡会员第9年，近三年年均消费约15万元，常去二楼女装、一楼化妆品、五楼家居。"
    .. "（本店约2.5%的金卡会员贡献了三分之一的销售额，她是其中之一。）\n"
    .. "系统记录：两年前她在一楼服务台把地址改为湖畔花园12栋，但寄送季度赠券和活动邀请的名单仍用旧地址（滨江路）；"
    .. "本季度赠券和本周六晚“秋季时尚论坛暨金卡答谢晚宴”的邀请函都寄到了旧地址。"
    .. "二楼女装昨天当班的是一名实习店员。\n"
    .. "你的权限：今天派专人把本季度赠券送到她家；把她加入周六晚宴嘉宾名单并补送邀请函；统一更新各系统地址；"
    .. "安排专属购物顾问、免费礼品包装、贵宾休息室咖啡，退还昨天的包装费；把昨天的事反馈给二楼楼面经理并安排店员培训。",
  opening = {
    "喂，是金卡专线吧？我姓沈，在你们明珠买了九年东西了。我今天就想问问，你们这金卡到底还算不算数？",
    "你好。这个季度的赠券我没收到，周六晚宴的邀请函我也没收到，我邻居倒是收到了。昨天在二楼，店员连金卡都不认识。我在你们这儿九年，今天才知道，原来我跟谁都一样。",
    "我打这个专线，是因为我实在不想在柜台跟小姑娘计较。九年的金卡，昨天在你们二楼，被当成第一次来的客人。",
  },
  mood = 40,
  patience = 3,
  requires = REQUIRES,
  max_turns = 12,
  outcomes = {
    resolved = { label = "被认出、被感谢、事情办妥，她说周六见", score = 100 },
    unresolved = { label = "她说“你们看着办吧”，心里还悬着", score = 40 },
    escalated = { label = "她要客服经理回电，还要给总经理写信", score = 15 },
    churned = { label = "她把消费挪到对面的新世纪广场", score = 0 },
  },

  hints = function(state)
    local m = state.memo
    if not m.named or not m.known then
      return "来电已经匹配了她的档案：叫出“沈女士”，说出她是九年的金卡会员。千万别让她报卡号、出示金卡。"
    end
    if (m.prove or 0) > 0 and not crm.done(state, "apologize") then
      return "她最在意的是“被当成生人”：为让她报卡号/出示身份证道歉，别再核对身份。"
    end
    if not (m.fix.coupons or m.fix.invite) then
      return "把案例里的软性优惠补上：今天派专人把赠券送到家，把她加进周六晚宴的嘉宾名单，包装费退还、以后免费包装。"
    end
    return crm.hint(state, { "acknowledge", "thank", "apologize", "own", "compensate", "follow_up" }, {
      acknowledge = "认出她：“沈女士，您是我们九年的金卡会员”。",
      thank = "感谢她九年来对明珠的支持。",
      apologize = "为地址没同步、赠券和邀请函没寄到、昨天店员不认识金卡道歉。",
      own = "说“这件事我亲自负责”，别说“反馈给相关部门”。",
      compensate = "用软性优惠补上：赠券送到家、晚宴留座、免费包装、专属顾问。",
      follow_up = "办好后告诉她：“赠券送到后我给您打电话，周五再跟您确认晚宴座位。”",
    }, "都做到了：复述一遍你的安排，问问她周六晚宴需要什么。")
  end,

  on_reply = function(state, reply)
    local m = init(state)
    local out, later = {}, {}
    local live = not reply.empty and not reply.repeated

    -- 1. tone
    local line, kind, worst = crm.react(state, reply, L.react, { per_severity = 0 })
    if kind == "forbidden" then crm.adjust(state, -8 * sting(reply)) end
    -- compensation is what she is given, not every mention of 赠券: the persona decides it
    local new = crm.credit(state, reply, { "acknowledge", "thank", "apologize", "own",
                                           "follow_up", "ask", "deadline", "explain",
                                           "contact" })

    -- "一视同仁": the one sentence that undoes nine years
    if live and has_id(reply, "gold-card-all-same") then
      crm.penalize(state, -20, 3)
      return crm.vary(state, "allsame", L.allsame), "churned"
    end
    if kind == "forbidden" then
      if RUDE[worst.category] then m.rude = m.rude + 1 else m.cold = m.cold + 1 end
    end
    -- "我们会尽快处理""反馈给相关部门": nobody owning it
    local vague = live and (crm.mentions(reply, W.wait) or crm.mentions(reply, W.relay))
                  and not crm.mentions(reply, W.personal) and not crm.said(reply, "deadline")
                  and not crm.said(reply, "follow_up") and not crm.mentions(reply, W.clerk_fix)
    if vague and crm.has(new, "own") then
      state.steps.own = nil
      for i = #new, 1, -1 do if new[i] == "own" then table.remove(new, i) end end
    end
    -- "感谢您的来电" is the script; she wants her nine years appreciated
    if crm.has(new, "thank") and not crm.mentions(reply, W.support) then
      state.steps.thank = nil
      for i = #new, 1, -1 do if new[i] == "thank" then table.remove(new, i) end end
    end
    if vague and kind ~= "forbidden" then
      m.cold = m.cold + 1
      crm.penalize(state, -6, m.cold > 2 and 1 or 0)
      line = crm.vary(state, "vague", crm.mentions(reply, W.relay) and L.vague.relay or L.vague.wait)
    end

    -- asked to prove she is a member: the sting of yesterday again
    local prove = live and (has_id(reply, "gold-card-prove-member")
                  or (crm.mentions(reply, W.prove) and crm.is_question(reply)))
                  and not crm.mentions(reply, W.spare)
    if prove then
      m.prove = m.prove + 1
      if kind ~= "forbidden" then
        m.cold = m.cold + 1
        crm.penalize(state, -10, 1)
      end
      for i = #new, 1, -1 do
        if new[i] == "ask" then state.steps.ask = nil table.remove(new, i) end
      end
      if m.prove >= 2 then
        return crm.vary(state, "end", L.ending.churned), "churned"
      end
      line = crm.vary(state, "prove", L.prove.first)
    end

    if kind ~= "empathy" and line then out[#out + 1] = line end
    if crm.exhausted(state) or state.mood <= 5 then return crm.finish(out, bad_end(state)) end
    if kind == "empty" or kind == "repeated" then return table.concat(out) end

    -- 2. recognised? her name, her nine years
    local progress = #new > 0
    if live and not m.named and crm.mentions(reply, W.name) then
      m.named = true
      progress = true
      if m.cold == 0 then
        crm.adjust(state, 10)
        out[#out + 1] = crm.vary(state, "named", L.named)
      else
        crm.adjust(state, 4)
        out[#out + 1] = crm.vary(state, "named", L.named_late)
      end
    end
    if live and not m.known and kind ~= "forbidden" and crm.mentions(reply, W.history) then
      m.known = true
      progress = true
      crm.adjust(state, 8)
      if crm.once(state, "history") then out[#out + 1] = crm.vary(state, "history", L.history) end
    end
    if m.named and m.known then crm.mark(state, "acknowledge") end

    -- "按登记的地址寄的": explaining it away, when she changed it two years ago
    if live and kind ~= "forbidden" and not crm.said(reply, "apologize")
       and crm.mentions(reply, W.excuse) and crm.once(state, "excuse") then
      m.cold = m.cold + 1
      m.facts.address = true
      crm.penalize(state, -6, 0)
      out[#out + 1] = crm.vary(state, "excuse", L.excuse)
      progress = true
    end

    -- 3. the script, after she has said who she is and what happened
    local script = live and not prove and crm.mentions(reply, W.script) and not m.named
    if script then
      m.cold = m.cold + 1
      crm.penalize(state, -6, m.cold >= 2 and 1 or 0)
      out[#out + 1] = crm.vary(state, "script", L.script)
      if m.cold >= 3 or crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
    end

    -- 4. asking: what happened yesterday, what never arrived
    local asked = live and not prove and not script
                  and (crm.said(reply, "ask") or crm.is_question(reply))
    if asked then
      local told = false
      if not m.facts.clerk and crm.mentions(reply, W.clerk_q) then
        m.facts.clerk = true
        told = true
        out[#out + 1] = crm.vary(state, "clerk", L.facts.clerk)
      end
      if not m.facts.mail and crm.mentions(reply, W.mail_q) then
        m.facts.mail = true
        told = true
        out[#out + 1] = crm.vary(state, "mail", L.facts.mail)
      end
      if not m.facts.address and crm.mentions(reply, W.address) and not crm.mentions(reply, { "湖畔花园" }) then
        -- asking her for the address she changed two years ago
        m.facts.address = true
        told = true
        crm.adjust(state, -3)
        out[#out + 1] = crm.vary(state, "address", L.facts.address)
      end
      if told then
        crm.mark(state, "ask")
        crm.adjust(state, 3)
        progress = true
      elseif crm.said(reply, "ask") and #new == 1 and not m.facts.clerk then
        m.facts.clerk = true
        out[#out + 1] = crm.vary(state, "clerk", L.facts.clerk)
        progress = true
      end
    end

    -- 5. the steps
    if crm.has(new, "thank") then
      crm.adjust(state, m.known and 8 or 4)
      out[#out + 1] = crm.vary(state, "thank", L.steps.thank)
    end
    if crm.has(new, "apologize") then
      crm.adjust(state, 8)
      out[#out + 1] = crm.vary(state, "apologize", L.steps.apologize)
    elseif kind == "empathy" and #out == 0 then
      out[#out + 1] = line
    end
    if crm.has(new, "own") then
      crm.adjust(state, 8)
      later[#later + 1] = crm.vary(state, "own", L.steps.own)
    end
    -- coupons instead of care: a money voucher before she feels recognised
    local money = live and crm.mentions(reply, W.money)
    if kind ~= "forbidden" and soft_benefits(state, reply, out) then
      progress = true
    elseif money and crm.once(state, "money") then
      if m.named and m.known then
        out[#out + 1] = crm.vary(state, "money", L.money_known)
      else
        m.cold = m.cold + 1
        crm.adjust(state, -6)
        out[#out + 1] = crm.vary(state, "money", L.money)
      end
      progress = true
    end
    if live and not m.fix.address and crm.mentions(reply, { "湖畔花园" }) then
      m.fix.address = true
      crm.adjust(state, 4)
      later[#later + 1] = crm.vary(state, "address_fix", L.steps.address)
    elseif live and not m.fix.address and crm.mentions(reply, W.address)
           and crm.mentions(reply, { "更新", "改", "同步", "统一" }) then
      m.fix.address = true
      crm.adjust(state, 4)
    end
    if live and not m.fix.clerk and kind ~= "forbidden" and crm.mentions(reply, { "培训", "楼面经理", "店长" }) then
      m.fix.clerk = true
      crm.adjust(state, 4)
      later[#later + 1] = crm.vary(state, "clerk_fix", L.steps.clerk)
    end
    if crm.has(new, "deadline") then
      crm.adjust(state, 3)
      local at = crm.when(reply, W.times)
      if at and crm.once(state, "deadline") then
        later[#later + 1] = string.format(crm.vary(state, "deadline", L.steps.deadline_at), at)
      end
      m.at = at or m.at
    end
    if crm.has(new, "follow_up") then
      crm.adjust(state, 6)
      later[#later + 1] = crm.vary(state, "follow_up", L.steps.follow_up)
    end

    -- 6. done?
    if m.named and m.known and (m.fix.coupons or m.fix.invite)
       and crm.all_done(state, REQUIRES) and state.mood >= 60 then
      if m.at then
        return crm.finish(out, string.format(L.ending.resolved_at, m.at), "resolved")
      end
      return crm.finish(out, crm.vary(state, "end", L.ending.resolved), "resolved")
    end
    for _, l in ipairs(later) do out[#out + 1] = l end

    -- 7. closing the call with nothing settled, or off topic
    if not progress and live and not script and not prove and crm.mentions(reply, W.closing) then
      if not (m.fix.coupons or m.fix.invite) then
        crm.adjust(state, -4)
        out[#out + 1] = crm.vary(state, "closing", L.closing)
      elseif not crm.done(state, "follow_up") then
        out[#out + 1] = crm.vary(state, "closing", L.closing_done)
      else
        out[#out + 1] = crm.vary(state, "closing", L.closing_all)
      end
      return table.concat(out)
    end
    if not kind and not vague and not progress and not script and not prove and crm.offtopic(reply, W.topic) then
      m.offtopic = m.offtopic + 1
      if m.offtopic > 1 then crm.penalize(state, -5, 1) end
      out[#out + 1] = crm.vary(state, "offtopic", L.offtopic)
      if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
      return table.concat(out)
    end

    -- 8. what she still waits for
    if kind ~= "forbidden" and not prove and not script then
      local need
      if not m.named and state.turn >= 2 then need = "named"
      elseif m.named and not crm.done(state, "thank") and state.turn >= 2 then need = "thank"
      elseif not crm.done(state, "own") and state.turn >= 2 then need = "own"
      elseif crm.done(state, "own") and not (m.fix.coupons or m.fix.invite) then need = "fix"
      elseif not crm.done(state, "apologize") and state.turn >= 3 then need = "apologize"
      elseif (m.fix.coupons or m.fix.invite) and not crm.done(state, "follow_up") then need = "follow_up"
      end
      if need and #out <= 1 then
        local again = not progress and L.need_again[need] or nil
        local say, insisted = crm.nag(state, need, L.need[need], again)
        if insisted then crm.adjust(state, -3) end
        if need == "named" then
          m.cold = m.cold + 1
          say = crm.once(state, "unrecognised") and crm.vary(state, "unrec", L.unrecognised) or say
        end
        out[#out + 1] = say
      end
    end
    if #out == 0 then out[1] = crm.vary(state, "filler", L.filler) end
    return table.concat(out)
  end,

  on_timeout = function(state)
    local m = state.memo
    if m.named and m.known and (m.fix.coupons or m.fix.invite) and crm.all_done(state, REQUIRES) then
      return crm.vary(state, "end", L.ending.resolved), "resolved"
    end
    if state.mood >= 45 then return L.ending.unresolved, "unresolved" end
    return crm.vary(state, "end", L.ending.churned), "churned"
  end,

  lexicon = {
    classes = {
      SELF = { "我", "我们", "咱们", "本人" },
      YOU = { "您", "你", "你们", "您们", "妳", "妳们" },
      WHO = { "顾客", "客户", "会员", "客人", "消费者", "金卡会员" },
    },
    forbidden = {
      {
        id = "gold-card-all-same",
        category = "拒绝",
        severity = 2,
        patterns = {
          "一视同仁",
          "所有|每位|每一位|每个|任何 的? {WHO} ..4 都 ..2 一样|同等|平等|相同",
          "对 谁 都 一样",
          "金卡 ..4 也 ..4 一样",
          "金卡 ..4 也 ..4 要 ..2 排队|付|付费|收费",
          "金卡 ..4 没有 特殊",
          "没有 特殊 待遇|照顾|优待",
          "不能 ..2 搞 特殊",
        },
        why = "对一位贡献了大量销售额的老会员说“所有顾客一视同仁”，等于告诉她金卡毫无意义。代顿-哈德森的金卡计划正是要让这2.5%的顾客“感到自己身份的特殊性”；失去一位客户只要10秒，找回来要10年。",
        better = "沈女士，您是我们九年的金卡会员，这次是我们没做好。赠券今天给您送到家，周六晚宴我给您留好座位。",
        source = "seed 000 第七章 代顿-哈德森“金卡计划”；seed 002 6.4 客户忠诚度管理（10-10-10法则）",
        examples = {
          "我们对所有顾客都一视同仁",
          "所有会员都是一样的",
          "金卡也一样要排队",
          "我们这里没有特殊待遇",
          "对谁都一样",
        },
        near = {
          "您是我们最重要的金卡会员",
          "所有的赠券我今天都给您补上",
          "每一位金卡会员都应该被记住",
          "金卡会员的包装是免费的",
        },
      },
      {
        id = "gold-card-prove-member",
        category = "敷衍",
        severity = 1,
        patterns = {
          "会员卡号|金卡卡号|卡号|会员号 ..4 多少|是什么|报|提供|告诉|说一下",
          "请|麻烦 {YOU}? ..2 出示|提供|报 ..4 金卡|会员卡|身份证|证件|卡号",
          "核实|验证|核对|确认 ..2 {YOU} 的? 身份|会员身份",
          "{YOU} 是 ..4 金卡|会员 ..4 吗",
        },
        why = "金卡专线一接通就能看到会员档案；还让九年的老会员报卡号、出示金卡、核实身份，正是她投诉的“被当成生人”。Guinness 案例的教训是：企业得知道谁是自己的客户。",
        better = "沈女士您好，您的资料我这边都看到了，您是我们九年的金卡会员，不用再报卡号。",
        source = "seed 000 第七章 代顿-哈德森（专为金卡用户提供的特殊服务号码）与 Guinness（不知道谁是自己的客户）",
        examples = {
          "请问您的会员卡号是多少",
          "麻烦出示一下您的金卡",
          "我需要先核实一下您的身份",
          "您是我们的金卡会员吗",
          "请报一下您的身份证号",
        },
        near = {
          "您不用报卡号，您的资料我这边都有",
          "昨天店员要您出示身份证，这是我们不对",
          "我跟您确认一下新地址是湖畔花园12栋",
        },
      },
      {
        id = "gold-card-should-have",
        category = "指责客户",
        severity = 2,
        patterns = {
          "{YOU} ..2 应该|应当|要 ..4 及时|早点|提前|自己 ..4 更新|登记|修改|通知|告诉|确认|核对|查",
          "{YOU} ..2 没有? 更新|登记|修改 ..2 地址",
          "^ {YOU} ..3 自己 ..4 来|到|去 ..6 领|取|拿|办",
        },
        why = "地址是她两年前就在服务台改过的，是公司的名单没同步；反过来说“您应该及时更新地址”“您自己来领”，是把企业的疏漏推给最忠诚的顾客。",
        better = "您两年前就改了地址，是我们的邮寄名单没有同步，非常抱歉；赠券我今天派专人送到您家。",
        source = "seed 000 第七章 代顿-哈德森（每个季度为金卡会员邮寄赠券）；第六章 部门间缺乏信息共享",
        examples = {
          "您应该及时更新地址",
          "您自己没有更新地址",
          "您应该早点告诉我们",
          "您自己来服务台领吧",
        },
        near = {
          "您两年前就更新了地址，是我们没有同步",
          "我会及时更新您的地址",
          "赠券我派专人给您送到家，不用您自己来取",
        },
      },
      {
        id = "gold-card-manual",
        category = "质问/说教",
        severity = 2,
        patterns = {
          "手册|章程|权益说明|会员须知|条款|规则 ..4 写|规定|说 ..4 清楚|明白|得很",
          "{YOU} ..2 没 看 ..4 手册|章程|权益说明|会员须知|短信",
        },
        why = "金卡会员打专线是来被照顾的，不是来听“手册上写得很清楚”的；说教只会让她觉得自己在被教育。",
        better = "金卡的免费包装是您应有的权益，昨天是我们店员没做好，十五元包装费我退给您。",
        source = "seed 000 第五章 案例二（简洁明确地解释一次，不与客户纠缠）；第七章 代顿-哈德森（免费包装）",
        examples = {
          "金卡权益手册上写得很清楚",
          "会员须知里都规定得很明白",
          "您没看会员手册吗",
        },
        near = {
          "我把金卡的权益整理一份寄给您",
          "手册上免费包装这一条，昨天店员没做到",
        },
      },
    },
    steps = {
      {
        id = "gold-card-recognise",
        step = "acknowledge",
        patterns = {
          "{YOU} ..4 九年|9年|多年|这么多年 ..4 老? 会员|顾客|客户|支持|光顾|惠顾",
          "{YOU} 是 {SELF} ..4 老 会员|顾客|客户",
          "{YOU} 一直 ..4 支持|光顾|惠顾",
        },
        examples = {
          "您是我们九年的老会员",
          "您一直支持我们明珠",
          "您这么多年的支持我们都记得",
          "您是我们的老顾客了",
        },
        near = {
          "新会员可以在服务台办卡",
          "我们的会员规则有调整",
        },
      },
    },
  },

  tests = {
    {
      name = "good",
      seed = 7,
      replies = {
        "沈女士您好，我是金卡专线的小林。您是我们九年的老会员，先谢谢您这么多年对明珠的支持。赠券和晚宴邀请函都没寄到，昨天在二楼还让您出示身份证，您受委屈了，真的非常抱歉。",
        "昨天是在二楼哪个专柜？店员是怎么跟您说的？",
        "这件事由我亲自负责，给您添麻烦了。是邮寄名单还用着您滨江路的旧地址，我今天就把所有系统的地址统一改成湖畔花园12栋；本季度的赠券今天下午派专人送到您家。",
        "周六晚上的答谢晚宴，我已经把您加进嘉宾名单，邀请函明天上午送到；昨天的包装费十五元退给您，以后金卡包装都是免费的。",
        "昨天的事我会反馈给二楼楼面经理，安排店员培训。赠券送到后我给您打个电话，周五再跟您确认晚宴座位。",
      },
      outcome = "resolved",
      score = { 75, 100 },
      findings = { "gold-card-recognise", "thank", "apologize", "own", "follow_up" },
      absent = { "gold-card-prove-member", "gold-card-all-same" },
    },
    {
      name = "bad",
      seed = 7,
      replies = {
        "您好，请问有什么可以帮您？",
        "请问您的会员卡号是多少？我需要先核实一下您的身份。",
        "不好意思，我们对所有顾客都一视同仁。",
      },
      outcome = "churned",
      score = { 0, 35 },
      findings = { "gold-card-all-same" },
    },
    {
      name = "bad-lecture",
      seed = 4,
      replies = {
        "女士您好，赠券是按会员登记的地址寄的。",
        "您应该及时更新地址，这个不是我们的问题。",
        "金卡权益手册上写得很清楚，免费包装只限活动期间。",
      },
      outcome = "escalated",
      score = { 0, 35 },
      findings = { "gold-card-should-have", "gold-card-manual" },
    },
    {
      name = "mixed",
      seed = 9,
      replies = {
        "沈女士您好，我是金卡专线小林，非常抱歉让您受委屈了。",
        "请问昨天在二楼具体是怎么回事？",
        "您是我们九年的老会员，谢谢您一直以来的支持。",
        "我会把您的情况反馈给相关部门。",
        "我们再送您一张100元的代金券作为补偿。",
        "好的，我都记下了。",
        "我理解您的心情。",
        "我们会尽快处理的。",
        "您放心，我们非常重视。",
        "感谢您的耐心。",
        "还有别的问题吗？",
        "祝您生活愉快。",
      },
      outcome = "unresolved",
      score = { 30, 74 },
      findings = { "gold-card-recognise", "apologize" },
      absent = { "follow_up" },
    },
    random = 20,
  },
}
