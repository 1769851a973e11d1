-- retain-customer.lua - 赵先生：电脑修了两回还是老毛病，对面说旧机折八百（流失风险）
--
-- 出处：seeds/000 第四章《建立客户关系》第四节"留住客户情景剧"，教学案例
--   联想的"五心服务"："买得放心，用得开心，咨询后舒心，服务到家省心，联想与用户
--   心连心"；售后阶段设立投诉信箱、认真处理投诉、采取一系列补救措施消除不满；
--   家用电脑送货上门、安装、调试、培训；"不少企业……忽视了售后阶段……导致老客户
--   不断'跳槽'，因为竞争对手能提供更优质的服务……不断吸引新客户，不断失去老客户"。
--   以及第八章《客户流失与客户保持》（客户流失的原因、防范客户流失的对策、
--   处理客户抱怨：先用肯定和支持性的语言与客户达成共鸣）。
--   品牌"星河电脑"是练习用的虚构品牌，服务承诺照搬联想的"五心服务"。
--
-- 情境：赵先生一年多前买的家用台式机，动不动黑屏重启；两次自己扛着主机去城东
--   服务站，第一次换了内存条，第二次"检测无故障"，师傅还说"是不是孩子装游戏装的，
--   回去重装个系统"；修完没有任何人回访。对面商场另一个牌子说旧机折价八百、
--   送三年上门服务，他打来"用户关怀专线"，说自己在考虑换牌子。
--   他嘴上说的是八百块，真正让他想走的是：没人管、还被说成是自家孩子的错。
--
-- 学员要做（requires）：ask 问出他想走的真正原因（先问情况，再听他说出心里话），
--   acknowledge 复述他的遭遇，apologize 为师傅那句话和来回折腾道歉，own 这件事
--   我负责，deadline 给出上门的具体时间，follow_up 修好后回访。还要给出实在的补救
--   （memo.remedy）：工程师上门检测，或者直接换主板/换机——"服务到家省心"。
--   加分：上门时教孩子备份/日常维护（培训），延保、费用全免。
--   让他走的：不问原因就比价（"我们也给您抵八百/打折"）、"随便你""要换就换"、
--   说是孩子装游戏/使用不当；让他投诉的：跟他争"我们的电脑质量没问题"、说教。
--
-- 结局：resolved   问出真正原因、复述、道歉、有人负责、上门/换机有具体时间、答应
--                  回访，心情缓过来 → 他不换了；
--       churned    没听就比价（两次）、"随便你/要换就换"、说是孩子装游戏、推他再去
--                  服务站，或耐心耗尽 → 他去对面把旧机折了；轮数用完时心情差也是这个；
--       escalated  争辩、说教、指责他占多数时耗尽耐心 → 写投诉信、打12315，再换牌子；
--       unresolved 轮数用完，心情还行但没谈成 → "我再考虑考虑"，周末去对面看看。

local REQUIRES = { "ask", "acknowledge", "apologize", "own", "deadline", "follow_up" }

local L = {
  react = {
    forbidden = {
      ["推诿"] = {
        "又让我找别人？我买的是你们星河的电脑。",
        "你们一个推一个，这就是你们说的'咨询后舒心'？",
      },
      ["拒绝"] = {
        "不行、没办法……那我留下来图什么？",
        "行，你们办不了，对面办得了。",
      },
      ["指责客户"] = {
        "又成我的问题了？",
        "我好好用着电脑，怎么就成我的错了？",
      },
      ["质问/说教"] = {
        "你不用教育我，我用了二十年电脑了。",
        "我打电话来不是听你上课的。",
      },
      ["争辩"] = {
        "我不跟你争。你们有理，我这电脑照样重启。",
        "行，你们都对，那它怎么三天两头黑屏？",
      },
      ["敷衍"] = {
        "你这话说了跟没说一样。",
        "嗯……跟上两回一个腔调。",
      },
      default = { "……你们就这么留客户的？", "唉。" },
    },
    empty = { "喂？你还在听吗？", "……人呢？", "喂？信号不好？" },
    repeated = { "这句你刚说过了。", "你是在念稿子吧？" },
    calmer = {
      "……嗯，你这么说，我心里舒服点。",
      "我也不是非要跟你们过不去。",
      "你能听我说两句就好。",
    },
  },
  facts = {
    history = {
      "一年零四个月前在人民路专卖店买的，K5台式机。上个月开始，用着用着就黑屏重启，我闺女晚上上网课，十回有三回掉线。报修以后我自己扛着主机去城东服务站，请了一天假，说换了根内存条。拿回来不到一个礼拜，又犯了。第二回送过去，说'检测无故障'，原样拿回来。",
      "就是那台K5，一年多点。看着网课、写着作业，屏幕一黑就重启，有时候还蓝屏。我前后两回扛着主机跑城东服务站，每回请一天假。头一回换了内存条，第二回说查不出毛病，让我拿回来，回家又重启。",
    },
    reason = {
      "……说实话，八百块我不在乎。让我寒心的是第二回那个师傅，张口就说'是不是孩子装游戏装的，回去重装个系统'。我闺女初三，电脑里除了网课就是作业。修完了，也没一个人打电话问一句好没好。你们那个'服务到家省心'，我是一点没感觉到。",
      "你要真想知道……不是钱的事。第二回那个师傅，主机都没拆开，就说八成是孩子乱装游戏，让我们自己重装系统。我闺女快中考了，哪有工夫玩游戏？修了两回，没一个人回过电话。我是觉得，买了你们的电脑，就没人管了。",
    },
    deal = {
      "对面商场那个牌子，店员说旧机折价八百，新机送三年上门服务，坏了打个电话人就来。",
      "那边说我这台旧的能折八百，还送三年上门。我不是贪那八百，人家至少说了'上门'两个字。",
    },
    again = { "我刚才不是都说了吗？", "该说的我都说了。" },
  },
  help = {
    "我刚才不是说了吗？电脑修了两回还是老毛病，我在考虑换牌子。",
    "我说得很清楚了：重启的毛病没修好，对面给我折八百，我在想要不要换。",
  },
  price = {
    first = {
      "你以为我是为了八百块？你连我为什么要换都没问。",
      "打折？我还没说完呢，你就跟我比价了。",
      "钱钱钱……你就不想知道我这电脑怎么了？",
    },
    heard = {
      "你以为我是为了八百块？我话还没说完呢。",
      "打折？我还没说到最要紧的呢。",
    },
    after = {
      "钱的事先放一边，我这电脑到底怎么办？",
      "折多少我无所谓，我要的是有人把它修好。",
    },
  },
  blame = {
    games = {
      "又是这句话！上回那个师傅就是这么说的。我闺女不玩游戏！",
      "孩子装游戏？我闺女初三，电脑里除了网课就是作业，你们倒是先查查机器啊。",
    },
    use = {
      "使用不当？我们家就拿它上网课、写作业，怎么就不当了？",
      "又成我们的问题了？电脑是你们卖的，毛病也是你们没修好的。",
    },
  },
  reinstall = {
    "又是软件、系统……上回师傅也这么说，重装完了照样重启。",
    "让我自己回去重装？那我打这个电话干什么。",
  },
  runaround = {
    "还让我扛着主机去城东？我已经请了两天假了。",
    "再送服务站？送两回了，一回换内存，一回说没毛病。",
  },
  vague = {
    relay = {
      "反馈给相关部门……上两回我听的也是这句。",
      "反映上去，然后呢？又是等电话？",
    },
    wait = {
      "'尽快'？上回说尽快，结果还是我自己扛着去的。",
      "你们会处理，那是谁处理？哪天处理？",
    },
  },
  closing = {
    "还有什么？我的事还没说完呢。",
    "这就要挂了？我这电脑怎么办？",
  },
  closing_done = {
    "没别的了。修完了，记得打个电话问一句。",
    "没了。就是修好以后，别又没人管了。",
  },
  closing_all = { "没别的了。", "没了，就这样吧。" },
  argue = {
    "质量没问题？那它为什么三天两头重启？",
    "检测无故障，回家就重启。你说是机器没问题，还是检测有问题？",
  },
  steps = {
    apologize = {
      "……道歉我收下。上回要是有人这么说一句，我也不至于想换。",
      "嗯。这句话我等了一个多月。",
      "行，你这么说，我气消了一半。",
    },
    acknowledge = {
      "对，就是这么回事。你倒是听进去了。",
      "嗯，你说得一点不差。",
    },
    blame_ack = {
      "对，我最在意的就是这句话。孩子被冤枉了，我这当爹的心里不好受。",
      "你能这么说就好。我闺女那天都哭了，说她真没装游戏。",
    },
    own = {
      "你负责？好，我记住你了。",
      "这话我头一回从你们这儿听到。",
    },
    home = {
      "上门？这才叫'服务到家省心'嘛。",
      "上门就好。我是真不想再扛着主机跑城东了。",
    },
    both = {
      "上门修，修不好直接换？……你们要真肯这么办，我还换什么牌子。",
      "上门来修，还修不好就换主板——早这么说，我也不会打这个电话。",
    },
    replace = {
      "换主板？……你们要真肯这么办，我还换什么牌子。",
      "直接换？行，这才像解决问题的样子。",
    },
    premature = {
      "上门修我不反对。可你都不问问我为什么要换？",
      "先别忙着安排，你还不知道我到底为什么不痛快呢。",
    },
    deadline_at = {
      "%s？行，我在家等着。",
      "%s是吧，我记下了，别再让我白等。",
    },
    deadline = { "好，就这个时间。", "行，我记下了。" },
    follow_up = {
      "修完打个电话问一句，这就是我要的。",
      "行，修好了你再打给我。上两回可没人打。",
    },
    training = {
      "顺便教教我闺女备份？那敢情好，她老怕作业丢了。",
      "教孩子弄弄备份、日常维护，这个好，省得她着急。",
    },
    extend = {
      "延保就不用特意了……不过你们有这个心，我领了。",
      "费用全免？行，这个我认。",
    },
    thank = { "谢我什么，我是买了你们电脑的人。", "嗯。" },
  },
  need = {
    ask = {
      "你就不问问我为什么要换？",
      "你们是不是觉得，我就是冲着那八百块去的？",
    },
    reason = {
      "……其实我还有句话憋着。",
      "修不好是一回事，还有一件事我更窝火。",
    },
    own = {
      "你就说，这事到底有没有人管？",
      "修了两回没人管，这回归谁管？",
    },
    remedy = {
      "那我这电脑怎么办？还让我扛着去城东？",
      "你们打算怎么修？别又是'检测无故障'。",
    },
    deadline = {
      "哪天来？我白天上班，孩子晚上要用电脑。",
      "什么时候？你给我个准日子。",
    },
    follow_up = {
      "修完了呢？上两回修完，连个电话都没有。",
      "修好了有人问一句没有？",
    },
    apologize = {
      "那个师傅说我闺女装游戏那事，就这么算了？",
    },
  },
  need_again = {
    ask = { "我问你，你到底想不想知道我为什么要走？" },
    own = { "我再问一遍：这回谁管？", "绕来绕去，有没有人管？" },
    remedy = { "我问的是电脑怎么修。", "怎么修，你还没说。" },
    deadline = { "日子呢？你还是没说哪天。" },
    follow_up = { "修完有没有人回电话，你给句话。" },
  },
  offtopic = {
    "你说这些干什么？我问的是我这电脑。",
    "嗯……然后呢？",
  },
  filler = { "……嗯。", "你接着说。", "然后呢？" },
  ending = {
    resolved_at = "行，%s我在家等着。说实话，我本来都打算去对面了……这回要是真修好了，我就不折腾了。",
    resolved = {
      "好吧，我先不换了。星河的电脑我用了这么多年，要是早有人这么管，我也不会想走。",
      "行，就这么说定了。你们说到做到，对面那八百块我就不要了。",
    },
    churned = {
      "算了，我还是去对面把旧机折了吧。八百块不重要，重要的是那边至少有人管。",
      "行，不用说了。这礼拜我就去对面换一台，你们的电脑我以后不买了，也不会推荐给谁。",
      "我明白了。谢谢你接电话，电脑我自己处理吧。",
    },
    letgo = {
      "行，那我就换了。你们连留都不留一下，我还有什么好犹豫的。",
      "好，我知道了。我这就去对面。",
    },
    escalated = {
      "行，你们电脑没问题，是我的问题。我这就给你们投诉信箱写信，再打12315，写清楚你们怎么对待老用户的。然后换牌子。",
      "我不跟你说了。你们总部的投诉信箱我会写，消协我也会打。电脑我是不会再买你们的了。",
    },
    unresolved = "你说的我听着也在理……我再考虑考虑吧，周末去对面看看再说。",
  },
}

-- Words of the case, matched in reply.norm (Simplified, lower case).
local W = {
  topic = { "您好", "你好", "赵先生", "电脑", "主机", "重启", "黑屏", "蓝屏", "服务站",
            "维修", "修", "上门", "工程师", "师傅", "网课", "孩子", "换", "保修", "星河",
            "对面", "八百", "情况", "问题", "处理" },
  why = { "为什么", "为啥", "什么原因", "原因", "怎么回事", "什么情况", "不满意",
          "具体", "发生了什么", "出了什么", "什么问题", "怎么了", "说说", "讲讲",
          "详细", "哪里", "什么地方" },
  deal = { "那边", "对面", "对方", "别的牌子", "哪个牌子", "哪家", "什么条件",
           "什么优惠", "折多少", "给您多少" },
  help = { "有什么可以帮", "有什么需要", "有什么事", "什么事吗", "需要什么帮助",
           "办理什么" },
  price = { "折价", "抵扣", "抵八", "抵一", "抵8", "抵1", "打折", "折扣", "优惠",
            "便宜", "降价", "八百", "800", "一千", "1000", "差价", "代金券",
            "优惠券", "以旧换新", "返现", "价格", "价钱", "补贴" },
  offer = { "我们也", "我们可以", "我们给", "我给您", "我们再", "我可以", "申请", "送您",
            "也给您", "比对面", "帮您争取", "我们能" },
  blame = { "装了游戏", "装游戏", "玩游戏", "乱装", "乱下载", "使用不当", "操作不当",
            "人为" },
  reinstall = { "重装", "软件问题", "系统问题", "软件冲突", "驱动问题" },
  station = { "送到服务站", "送服务站", "拿到服务站", "带到服务站", "去服务站",
              "到服务站", "送修", "送到维修", "送过来", "拿过来", "带过来",
              "抱过来", "扛过来", "来店里", "到店里", "送到店" },
  negate = { "不用您", "不需要您", "不用再", "不必", "免得", "省得", "不让您", "别再" },
  home = { "上门", "到家", "到您家", "到府", "家里" },
  replace = { "换主板", "换机", "换一台", "换台新", "换新机", "整机更换", "更换整机",
              "换整机", "更换主板", "换个新" },
  engineer = { "高级工程师", "资深工程师", "工程师", "技术主管", "专家", "师傅" },
  training = { "培训", "教您", "教孩子", "教一下", "教教", "演示", "备份", "电脑课",
               "讲座", "使用技巧", "日常维护" },
  extend = { "延保", "延长保修", "保修延长", "费用全免", "全免", "不收费", "免费" },
  restate = { "两次", "两回", "服务站", "重启", "黑屏", "蓝屏", "网课", "请假", "扛",
              "内存", "无故障", "城东", "一年多" },
  blame_ack = { "师傅不该", "不该那样说", "不该这么说", "不该那么说", "不是孩子",
                "冤枉", "那句话", "那样说", "这么说孩子", "说孩子" },
  closing = { "还有什么", "其他问题", "其他需要", "祝您", "生活愉快", "再见" },
  wait = { "尽快", "尽量", "耐心等", "等消息", "等通知", "等一等" },
  relay = { "反馈给", "反映给", "转给", "转达", "上报", "提交给", "相关部门" },
  personal = { "我来", "我负责", "我亲自", "由我", "我马上", "我现在就", "我今天", "交给我" },
  times = { "这周六上午", "这周六下午", "周六上午", "周六下午", "这周六", "周六",
            "星期六上午", "星期六", "这周日", "周日上午", "周日", "明天上午",
            "明天下午", "明天晚上", "明天", "今天晚上", "今天下午", "后天" },
}

-- Argument, lecturing and accusing (other than blaming the child) decide the
-- bad end: escalated; everything else ends in churned.
local RUDE = { ["质问/说教"] = true, ["争辩"] = true, ["指责客户"] = true }

local function init(state)
  local m = state.memo
  if m.stage == nil then
    m.stage = 0          -- 0 nothing told, 1 history told, 2 the real reason told
    m.deal = false       -- he told what the competitor offered
    m.price = 0          -- price-matching before he was heard out
    m.blame = 0          -- the child / his use blamed
    m.rude = 0           -- argument, lecturing
    m.cold = 0           -- runaround, brush-offs, silence
    m.remedy = false     -- "home" or "replace"
    m.training = false
    m.extend = false
    m.offtopic = 0
  end
  return m
end

local function bad_end(state)
  local m = state.memo
  if m.rude > 0 and m.rude >= m.blame + m.price + m.cold then
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

-- True when the reply negates sending him anywhere ("不用您再跑服务站").
local function spares_him(reply)
  return crm.mentions(reply, W.negate) ~= nil
end

local function letgo(reply)
  for _, f in ipairs(reply.forbidden or {}) do
    if f.id == "whatever" or f.id == "retain-customer-let-go" then return true end
  end
  return false
end

local function blames(reply)
  for _, f in ipairs(reply.forbidden or {}) do
    if f.id == "retain-customer-blame-use" or f.id == "your-own-fault"
       or f.id == "you-careless" then
      return true
    end
  end
  return crm.mentions(reply, W.blame) ~= nil and not crm.mentions(reply, W.blame_ack)
end

return {
  id = "retain-customer",
  title = "赵先生：电脑修了两回还是老毛病，对面说旧机折八百",
  chapter = 4,
  kind = "churn",
  summary = "一位老用户打来用户关怀专线，说对面商场的牌子给他旧机折价八百，他想换。八百块是他嘴上说的，你得问出他真正想走的原因，把他留下来。",
  customer = {
    name = "赵先生",
    profile = "赵立军，41岁，物流公司调度，白天上班走不开；女儿初三，晚上用家里的电脑上网课。说话直，不爱绕弯子，心里窝着火但不吵。",
  },
  brief = "你是星河电脑客户服务中心“用户关怀专线”（投诉与建议）的专员。公司对外的服务承诺是“五心服务”："
    .. "买得放心，用得开心，咨询后舒心，服务到家省心，星河与用户心连心。\n"
    .. "来电显示：赵立军，一年零四个月前在人民路专卖店购买K5家用台式机，整机保修三年。"
    .. "维修记录两条：①上月，故障“自动重启”，城东服务站更换内存条；"
    .. "②十天前，同一故障，城东服务站“检测无故障，建议用户重装系统”，工单备注“疑似用户安装游戏软件导致”。"
    .. "两次都是客户自己送修，之后均无回访记录。\n"
    .. "你的权限：安排高级工程师上门检测（本周六可约，上午或下午）；同一故障第三次报修可直接更换主板或整机；"
    .. "上门费、维修费全免，可加送一年延保；工程师上门时可为家人做数据备份和日常维护的讲解。",
  opening = {
    "喂，你好。我就问一句：我家那台电脑修了两回还是老毛病，你们到底还管不管？不管我就换了，对面商场那个牌子说我这旧机能折八百。",
    "你好，我姓赵。我打这个电话也不是来吵架的，就是跟你们说一声，我在考虑换个牌子。对面给我旧机折价八百，还送三年上门。",
    "是星河的客服吧？……我这台K5，我是真不想要了。对面店员说旧的能抵八百，你们要是没什么说的，我这礼拜就去换。",
  },
  mood = 40,
  patience = 3,
  requires = REQUIRES,
  max_turns = 12,
  outcomes = {
    resolved = { label = "问出了真正原因、上门解决，他不换了", score = 100 },
    unresolved = { label = "他说再考虑考虑，周末去对面看看", score = 30 },
    escalated = { label = "他写投诉信、打12315，然后换牌子", score = 10 },
    churned = { label = "他去对面把旧机折了，换了牌子", score = 0 },
  },

  hints = function(state)
    local m = state.memo
    if (m.price or 0) > 0 and (m.stage or 0) < 2 then
      return "别急着比价：他还没说完。先问“是什么让您想换？”，再听他把两次送修的经过说完。"
    end
    if (m.stage or 0) == 1 then
      return "他说了经过，但还有话憋着：复述一遍（两次扛主机去城东、换内存、检测无故障），再问一句“还有什么让您不痛快的？”"
    end
    if (m.stage or 0) == 2 and not m.remedy then
      return "真正的原因是被说成“孩子装游戏”、修完没人管。道歉之后给实在的补救：高级工程师上门，查不出就直接换主板/整机。"
    end
    return crm.hint(state, { "ask", "acknowledge", "apologize", "own", "deadline", "follow_up" }, {
      ask = "先问原因：“是什么让您想换牌子？”别一上来就谈折价。",
      acknowledge = "复述他的遭遇：两回送修、请假扛主机、孩子网课掉线，让他知道你听进去了。",
      apologize = "为师傅那句“是不是孩子装游戏”和来回折腾道歉。",
      own = "说“这件事由我负责跟到底”，不要让他再去服务站。",
      deadline = "给上门的具体时间，比如“这周六上午十点”。",
      follow_up = "答应修好后回访：“修好后下周一我给您回电话，确认孩子上网课没问题。”",
    }, "都做到了：复述一遍安排（谁、哪天上门、修完回访），问他还有什么顾虑。")
  end,

  on_reply = function(state, reply)
    local m = init(state)
    local out, later = {}, {}
    local live = not reply.empty and not reply.repeated

    -- 1. tone
    local line, kind, worst = crm.react(state, reply, L.react, { per_severity = 0 })
    if kind == "forbidden" then crm.adjust(state, -8 * sting(reply)) end
    local new = crm.credit(state, reply)
    -- "我们会尽快处理""反馈给相关部门": what he heard twice, nobody owning it
    local vague = live and (crm.mentions(reply, W.wait) or crm.mentions(reply, W.relay))
                  and not crm.mentions(reply, W.personal) and not crm.said(reply, "deadline")
                  and not crm.said(reply, "follow_up")
    if vague and crm.has(new, "own") then
      state.steps.own = nil
      for i = #new, 1, -1 do if new[i] == "own" then table.remove(new, i) end end
    end

    -- "要换就换""随便你": the company lets a customer walk away
    if live and letgo(reply) then
      crm.penalize(state, -15, 3)
      return crm.vary(state, "end", L.ending.letgo), "churned"
    end

    -- the child's games, "使用不当": the words that made him want to leave
    if live and blames(reply) then
      m.blame = m.blame + 1
      if kind ~= "forbidden" then crm.penalize(state, -15, 1) end
      local said = crm.vary(state, "blame", crm.mentions(reply, { "游戏", "孩子", "小孩" })
                                            and L.blame.games or L.blame.use)
      if m.stage >= 2 or m.blame >= 2 or crm.exhausted(state) then
        return crm.finish({ said }, crm.vary(state, "end", L.ending.churned), "churned")
      end
      line = said
    elseif kind == "forbidden" then
      if RUDE[worst.category] then m.rude = m.rude + 1 else m.cold = m.cold + 1 end
      if worst.id == "retain-customer-defend" then
        line = crm.vary(state, "argue", L.argue)
      end
    end

    -- "再送服务站" / "回去重装系统": the loop he has been through twice
    local station = live and crm.mentions(reply, W.station) and not spares_him(reply)
    local reinstall = live and not station and crm.mentions(reply, W.reinstall)
                      and not crm.mentions(reply, W.home) and not spares_him(reply)
    if station or reinstall then
      m.cold = m.cold + 1
      if kind ~= "forbidden" then crm.penalize(state, -10, 1) end
      if kind ~= "forbidden" or worst.category == "推诿" then
        line = station and crm.vary(state, "runaround", L.runaround)
                        or crm.vary(state, "reinstall", L.reinstall)
      end
    end

    if vague and kind ~= "forbidden" and not station and not reinstall then
      m.cold = m.cold + 1
      crm.penalize(state, -6, m.cold > 1 and 1 or 0)
      line = crm.vary(state, "vague", crm.mentions(reply, W.relay) and L.vague.relay or L.vague.wait)
    end

    if kind ~= "empathy" and line then out[#out + 1] = line end
    if crm.exhausted(state) or state.mood <= 5 then return crm.finish(out, bad_end(state)) end
    if kind == "empty" or kind == "repeated" then return table.concat(out) end

    -- 2. the script opener, after he has said it all
    local script = crm.mentions(reply, W.help) and m.stage == 0
    if script then
      if state.steps.ask == state.turn then state.steps.ask = nil end
      for i = #new, 1, -1 do if new[i] == "ask" then table.remove(new, i) end end
      crm.adjust(state, -3)
      out[#out + 1] = crm.vary(state, "help", L.help)
    end

    -- 3. price-matching: before he has been heard out it is the reflex he hates
    local progress = #new > 0
    -- asking what the other shop offered is not matching it
    local priced = live and crm.mentions(reply, W.price) ~= nil
                   and (not crm.is_question(reply) or crm.mentions(reply, W.offer) ~= nil)
    local remedy_words = crm.mentions(reply, W.home) or crm.mentions(reply, W.replace)
    if priced and m.stage < 2 and not remedy_words then
      m.price = m.price + 1
      if m.price >= 2 then
        return crm.finish(out, crm.vary(state, "end", L.ending.churned), "churned")
      end
      crm.penalize(state, -10, 1)
      out[#out + 1] = crm.vary(state, "price", m.stage == 0 and L.price.first or L.price.heard)
      if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
      return table.concat(out)
    end

    -- 4. asking: the facts first, then what really hurt him
    local asked = not script and (crm.said(reply, "ask") or (crm.is_question(reply)
                  and (crm.mentions(reply, W.why) or crm.mentions(reply, W.deal)) ~= nil))
    if asked then crm.mark(state, "ask") end
    local told = false
    if asked and crm.mentions(reply, W.deal) and not m.deal then
      m.deal = true
      told = true
      out[#out + 1] = crm.vary(state, "deal", L.facts.deal)
    end
    if crm.has(new, "apologize") then
      crm.adjust(state, 8)
      if m.stage >= 2 then out[#out + 1] = crm.vary(state, "apologize", L.steps.apologize) end
    end
    local restated = live and crm.mentions(reply, W.restate) and kind ~= "forbidden"
                     and not station and not reinstall
    if restated then crm.mark(state, "acknowledge") end
    local listened = crm.said(reply, "acknowledge") or restated or kind == "empathy"
                     or crm.has(new, "apologize")
    if m.stage == 0 and asked and not told then
      m.stage = 1
      crm.adjust(state, 4)
      out[#out + 1] = crm.vary(state, "history", L.facts.history)
      told = true
    elseif m.stage == 1 and (asked or listened) and kind ~= "forbidden" and not station then
      m.stage = 2
      crm.adjust(state, 6)
      if restated and crm.once(state, "restated") then
        out[#out + 1] = crm.vary(state, "acknowledge", L.steps.acknowledge)
      end
      out[#out + 1] = crm.vary(state, "reason", L.facts.reason)
      told = true
      progress = true
    elseif asked and not told and m.stage == 2 and not crm.said(reply, "deadline") then
      if #new == 1 and new[1] == "ask" then out[#out + 1] = crm.vary(state, "again", L.facts.again) end
    end
    if restated and not told and crm.once(state, "restated") then
      crm.adjust(state, 6)
      out[#out + 1] = crm.vary(state, "acknowledge", L.steps.acknowledge)
    end
    if m.stage >= 1 and live and crm.mentions(reply, W.blame_ack) and kind ~= "forbidden"
       and crm.once(state, "blame_ack") then
      crm.mark(state, "acknowledge")
      crm.adjust(state, 8)
      out[#out + 1] = crm.vary(state, "blame_ack", L.steps.blame_ack)
      progress = true
    end
    if kind == "empathy" and not told and #out == 0 then out[#out + 1] = line end

    -- 5. the remedy: someone comes to his home, or the board is replaced
    local home = live and not station and crm.mentions(reply, W.home)
    local replace = live and not priced and crm.mentions(reply, W.replace)
    if (home or replace) and kind ~= "forbidden" then
      if m.stage < 2 and crm.once(state, "premature") then
        crm.adjust(state, 2)
        out[#out + 1] = crm.vary(state, "premature", L.steps.premature)
      elseif m.stage >= 2 and not m.remedy then
        m.remedy = replace and "replace" or "home"
        crm.mark(state, "own")
        crm.adjust(state, 10)
        out[#out + 1] = crm.vary(state, "remedy", (home and replace) and L.steps.both
                                 or replace and L.steps.replace or L.steps.home)
        progress = true
      end
    end
    if crm.has(new, "own") and not (home or replace) and m.stage >= 2 then
      crm.adjust(state, 8)
      out[#out + 1] = crm.vary(state, "own", L.steps.own)
    elseif crm.has(new, "own") then
      crm.adjust(state, 4)
    end
    if m.stage >= 2 and priced and not m.remedy and not (home or replace) then
      crm.adjust(state, -3)
      out[#out + 1] = crm.vary(state, "price_after", L.price.after)
    end

    -- 6. the rest of the arrangement
    if crm.said(reply, "deadline") and m.remedy and not crm.has(new, "deadline") then
      local at = crm.when(reply, W.times)
      if at and at ~= m.at then
        m.at = at
        later[#later + 1] = string.format(crm.vary(state, "deadline", L.steps.deadline_at), at)
      end
    end
    if crm.has(new, "deadline") then
      if m.remedy then
        crm.adjust(state, 6)
        m.at = crm.when(reply, W.times) or m.at
        if m.at then
          later[#later + 1] = string.format(crm.vary(state, "deadline", L.steps.deadline_at), m.at)
        else
          later[#later + 1] = crm.vary(state, "deadline", L.steps.deadline)
        end
      else
        crm.adjust(state, 2)
      end
    end
    if crm.has(new, "follow_up") then
      crm.adjust(state, 6)
      later[#later + 1] = crm.vary(state, "follow_up", L.steps.follow_up)
    end
    if live and m.stage >= 2 and not m.training and crm.mentions(reply, W.training) then
      m.training = true
      crm.adjust(state, 4)
      later[#later + 1] = crm.vary(state, "training", L.steps.training)
      progress = true
    end
    if live and m.remedy and not m.extend and crm.mentions(reply, W.extend) then
      m.extend = true
      crm.adjust(state, 3)
      later[#later + 1] = crm.vary(state, "extend", L.steps.extend)
      progress = true
    end
    if crm.has(new, "thank") then crm.adjust(state, 2) end

    -- 7. he stays?
    if m.stage >= 2 and m.remedy and crm.all_done(state, REQUIRES) and state.mood >= 55 then
      if m.at then
        return crm.finish(out, string.format(L.ending.resolved_at, m.at), "resolved")
      end
      return crm.finish(out, crm.vary(state, "end", L.ending.resolved), "resolved")
    end
    for _, l in ipairs(later) do out[#out + 1] = l end

    -- 8. closing the call with nothing settled, or off topic
    if not progress and not told and live and crm.mentions(reply, W.closing) then
      if not (m.remedy and crm.done(state, "deadline")) then
        crm.adjust(state, -4)
        out[#out + 1] = crm.vary(state, "closing", L.closing)
      elseif not crm.done(state, "follow_up") then
        out[#out + 1] = crm.vary(state, "closing", L.closing_done)
      else
        out[#out + 1] = crm.vary(state, "closing", L.closing_all)
      end
      return table.concat(out)
    end
    if not kind and not progress and not told and not script and not station and not reinstall
       and crm.offtopic(reply, W.topic) then
      m.offtopic = m.offtopic + 1
      if m.offtopic > 1 then crm.penalize(state, -5, 1) end
      out[#out + 1] = crm.vary(state, "offtopic", L.offtopic)
      if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
      return table.concat(out)
    end

    -- 9. what he still waits for
    if kind ~= "forbidden" and not station and not reinstall and not script and not told then
      local need
      if m.stage == 0 then need = state.turn >= 2 and "ask" or nil
      elseif m.stage == 1 then need = "reason"
      elseif not crm.done(state, "own") then need = "own"
      elseif not m.remedy then need = "remedy"
      elseif not crm.done(state, "deadline") then need = "deadline"
      elseif not crm.done(state, "follow_up") then need = "follow_up"
      elseif not crm.done(state, "apologize") then need = "apologize"
      end
      if need then
        -- nice words, nothing done: he grows tired of waiting
        if not progress and m.stage >= 2 then crm.adjust(state, -4) end
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
    if (m.stage or 0) >= 2 and m.remedy and crm.all_done(state, REQUIRES) and state.mood >= 45 then
      return crm.vary(state, "end", L.ending.resolved), "resolved"
    end
    if state.mood >= 40 then return L.ending.unresolved, "unresolved" end
    return crm.vary(state, "end", L.ending.churned), "churned"
  end,

  lexicon = {
    classes = {
      SELF = { "我", "我们", "咱们", "本人" },
      YOU = { "您", "你", "你们", "您们", "妳", "妳们" },
    },
    forbidden = {
      {
        id = "retain-customer-blame-use",
        category = "指责客户",
        severity = 2,
        patterns = {
          "是不是|可能|肯定|估计|应该|八成|多半 ..6 装|下载|玩 ..8 游戏|软件|插件|东西",
          "孩子|小孩|家里人|您|你 ..4 乱 装|下载|点|玩",
          "玩 游戏 ..4 导致|造成|弄|搞|引起",
          "使用|操作 不当",
          "人为 ..2 损坏|原因|故障|造成|导致",
        },
        why = "把故障说成“孩子装游戏”“使用不当”，是把责任推回给客户；赵先生想换牌子，最大的原因就是上回师傅这样说过。第四章的联想案例讲的是售后“认真处理投诉、采取补救措施、消除不满”，不是替企业找理由。",
        better = "上回师傅那样说是我们不对，孩子用电脑上网课没有任何问题。这次我安排高级工程师上门，把原因查清楚。",
        source = "seed 000 第四章 联想的“五心服务”（售后阶段：认真处理投诉，采取补救措施）",
        examples = {
          "是不是孩子装了游戏？",
          "肯定是装了什么乱七八糟的软件",
          "应该是您家小孩乱下载东西",
          "这属于使用不当",
          "是人为原因造成的",
          "玩游戏导致的系统问题",
        },
        near = {
          "请问最近有没有装新软件",
          "不是孩子装游戏的问题，是我们没查出来",
          "工程师上门会帮您查清楚是硬件还是软件",
          "孩子用电脑上网课没有任何问题",
        },
      },
      {
        id = "retain-customer-let-go",
        category = "敷衍",
        severity = 3,
        patterns = {
          "要|想|非要 换 就 换",
          "换 不 换 ..4 {YOU} ..2 自由|决定|的事|说了算|自己定",
          "是 {YOU} 的 自由",
          "那 {YOU} 就 换 吧|呗|好了",
          "{SELF} ..2 也 留不住",
          "去 ..2 那边|对面|别家 买|换 吧|好了|呗",
        },
        why = "客户说要换牌子，是在给企业最后一次机会；“要换就换”“是您的自由”等于把老客户送给竞争对手。课程讲得很清楚：不少企业不断吸引新客户，却不断失去老客户，防止流失要先弄清客户为什么想走。",
        better = "赵先生，我不希望您因为这件事离开星河。您能跟我说说，是什么让您想换吗？",
        source = "seed 000 第四章 联想的“五心服务”；第八章 防止客户流失的策略",
        examples = {
          "您要换就换吧",
          "换不换是您的自由",
          "那您就换吧",
          "我们也留不住您",
          "那您去对面买吧",
        },
        near = {
          "换不换您先别急着决定",
          "我不想让您换，我来把电脑的问题解决",
          "要换也是我们给您换主板",
          "您换个时间方便吗",
        },
      },
      {
        id = "retain-customer-defend",
        category = "争辩",
        severity = 2,
        patterns = {
          "{SELF} 的? ..2 电脑|产品|机器 ..6 没问题|没有问题|不会有问题|不会出问题|很过硬|过硬",
          "检测 ..4 没有? 问题|无故障 ..4 说明|就是|证明",
          "{SELF} 的? 师傅|工程师|技术员 ..4 都 是? ..2 持证上岗|专业|有经验|不会错|不会出错",
          "{YOU} 这样|这么|那样 说 ..3 不对|不合适|不公平",
        },
        why = "跟客户争“产品质量没问题”“我们的师傅都持证上岗”，等于说他在无理取闹；客户的电脑确实在重启，争赢了也留不住人。处理抱怨不要争辩谁是谁非。",
        better = "检测没查出来，不代表您的电脑没有问题；这次我请高级工程师上门，在您家里把问题复现出来。",
        source = "seed 000 第五章 案例二（不与客户争辩谁是谁非）；第八章 处理客户抱怨的技巧",
        examples = {
          "我们的电脑质量是没问题的",
          "我们的产品不会有问题",
          "检测无故障说明机器是好的",
          "我们产品质量很过硬",
          "我们的师傅都是持证上岗的",
          "您这样说就不对了",
        },
        near = {
          "我们的电脑出了问题，是我们的责任",
          "我保证这次把问题彻底解决",
          "我们的工程师会查清楚问题",
          "我们的维修人员都必须持证上岗，这次我派最有经验的高级工程师",
          "您这样说我能理解",
        },
      },
    },
    steps = {
      {
        id = "retain-customer-why",
        step = "ask",
        patterns = {
          "为什么|为啥|怎么 会? ..4 想? 换|不满意|不满|失望|不想",
          "哪里|哪儿|什么地方 ..4 不满意|不满|做得不好|让 {YOU}",
          "什么 原因",
          "{YOU} ..2 说说|讲讲",
        },
        examples = {
          "为什么想换呢？",
          "是哪里让您不满意了",
          "是什么原因让您想换牌子",
          "您跟我说说吧",
          "怎么会想换了呢",
        },
        near = {
          "我来给您说明一下原因",
          "这是我们做得不好的地方",
          "您说得对",
        },
      },
    },
  },

  tests = {
    {
      name = "good",
      seed = 7,
      replies = {
        "赵先生您好，我是用户关怀专线的小周。换不换您先别急着决定，能跟我说说这台电脑具体是什么情况吗？",
        "我明白了，您是说两回都是请假扛着主机跑城东服务站，一回换了内存条，一回说检测无故障，拿回家还是黑屏重启，孩子网课也老掉线，对吧？",
        "非常抱歉，上回师傅不该那样说孩子，这是我们的问题。这件事由我负责跟到底，这次不用您再跑服务站，我安排高级工程师上门检测，查不出来就直接给您换主板。",
        "这周六上午十点工程师到您家，您看可以吗？上门费和维修费全免，顺便教孩子做一下作业的备份。",
        "修好以后下周一我给您回个电话，确认孩子上网课没问题。",
      },
      outcome = "resolved",
      score = { 75, 100 },
      findings = { "ask", "acknowledge", "apologize", "own", "deadline", "follow_up" },
      absent = { "retain-customer-blame-use", "retain-customer-let-go" },
    },
    {
      name = "bad",
      seed = 7,
      replies = {
        "您好，请问有什么可以帮您？",
        "那边给您折八百，我们也可以给您申请以旧换新，抵一千。",
        "那我们再给您打个九折，比对面便宜。",
      },
      outcome = "churned",
      score = { 0, 35 },
    },
    {
      name = "bad-whatever",
      seed = 3,
      replies = {
        "电脑重启一般是软件问题，是不是孩子装了游戏？您回去重装一下系统就好了。",
        "随便你吧，换不换是您的自由。",
      },
      outcome = "churned",
      score = { 0, 35 },
      findings = { "retain-customer-blame-use", "whatever" },
    },
    {
      name = "mixed-argue",
      seed = 11,
      replies = {
        "您好赵先生，请问为什么想换呢？",
        "我们的电脑质量是没问题的，检测无故障说明机器是好的。",
        "您这样说就不对了，我们的师傅都是持证上岗的。",
      },
      outcome = "escalated",
      score = { 0, 40 },
      findings = { "retain-customer-defend", "retain-customer-why" },
    },
    {
      name = "mixed-undecided",
      seed = 5,
      replies = {
        "赵先生您好，非常抱歉给您添麻烦了。",
        "请问电脑具体是什么情况呢？",
        "我理解您的心情，这确实让人着急。",
        "我会把您的情况反馈给相关部门。",
        "这样吧，我给您申请一年延保，再送您一张两百元的代金券。",
        "感谢您的耐心。",
        "您还有什么其他问题吗？",
        "我们非常重视您的意见。",
        "好的，我都记下来了。",
        "您看还有什么需要我们做的吗？",
        "谢谢您的理解和支持。",
        "祝您生活愉快。",
      },
      outcome = "unresolved",
      score = { 30, 74 },
    },
    random = 20,
  },
}
