-- restaurant-food.lua - 林女士：昨晚在餐厅吃出了事（愤怒的投诉客户）
--
-- 出处：seeds/000 第八章《客户流失与客户保持》教学案例"如鹦鹉接待客户投诉"。
--   澳大利亚一家餐厅的客户投诉处理专员是一只鹦鹉：它只是时不时地说"嗯！""是的！"
--   "哦，这样啊！""对！"，客户就比较满意了；听到"食物中毒""牙齿被磕了一下"之类的词，
--   它会表示同情，说"哎呀，我们真的很抱歉""您这样，我们会送一些打折卷给您的"。
--   调查发现大部分客户认为鹦鹉能够有效倾听。课程的结论：接待客户投诉最重要的，
--   是首先用肯定和支持性的语言与客户达成共鸣，平复客户的情绪。
--
-- 两种投诉，按种子（偶数/奇数）：
--   tooth   海鲜炒饭里有颗小石子，她左边的大牙磕崩了一小块，周一要去看牙医；
--   stomach 吃了生蚝拼盘，她和丈夫半夜上吐下泻，GP说很可能是食物中毒。
--
-- 学员要做（requires）：acknowledge 先让她说（"嗯""是的""哦，这样啊""对"、复述）；
--   apologize 她说到牙齿崩了/食物中毒时，要有真心的道歉（"哎呀，我们真的很抱歉"），
--   光一个"嗯"不够；compensate 补偿（免单、打折券）；own 让厨房封存、排查那批米/生蚝。
--   还必须有关怀：提出承担看医生/看牙的费用，或替她预约诊所（persona 自己记，
--   没有这一条她不会满意）；问她身体/牙齿现在怎么样也能让她平静下来。
--   没有医药费的着落就先送打折券，她会觉得被打发。
--   让她更生气的：没听完就盘问、先讲原因找借口；
--   怀疑她、跟她争（"不可能是我们的菜""其他客人都没事""您确定不是在别处吃的"）→ 投诉；
--   敷衍、推诿、拒绝（"这种情况很正常""医药费我们不负责"）→ 不再光顾。
--
-- 结局：resolved   被倾听、被道歉、医药费有着落、有补偿、厨房去查 → 她消了气；
--       escalated  怀疑她、跟她争、说教 → 她要向食品安全局投诉、上网写差评；
--       churned    敷衍、推诿、拒绝 → 她们全家不再来了；
--       unresolved 客客气气却没办完，轮数用完，或沉默、重复磨光了耐心 → "你们自己看着办吧"。

local REQUIRES = { "acknowledge", "apologize", "compensate", "own" }
-- what she needs before she is satisfied (being listened to is scored and
-- calms her, but she does not ask for it)
local NEEDED = { "apologize", "compensate", "own" }

-- lines that differ by complaint
local CASE = {
  tooth = {
    opening = {
      "喂，是蓝湾餐厅吗？我要投诉！昨天晚上在你们那儿吃饭，海鲜炒饭里吃出一颗石子来！",
      "你好，我找你们管投诉的。昨天晚上我在你们店里吃饭，炒饭里有石头，你们知道吗？",
    },
    story = {
      "我一口咬下去，'咯噔'一声，左边后面那颗大牙磕崩了一小块！当时满嘴都是沙子味儿。",
      "今天早上起来还疼，喝口凉水都钻心。我约了周一上午看牙医，补一颗牙少说也得三四百澳元。",
      "当时我就跟服务员说了，那小伙子就说了句'不好意思'，连经理都没叫。昨天还是我女儿十岁生日……",
    },
    serious = 1,
    word = "牙齿磕崩了",
    -- %s: the bare word the trainee said
    token_after = {
      "'%s'？我牙都崩了一块，你就这一句？",
      "就一句'%s'？我的牙崩了！",
    },
    sorry = {
      "……你们知道是你们的问题就好。",
      "（语气缓了一点）道歉我听到了。",
    },
    wellbeing = "还疼，左边脸有点肿，今天只能喝点粥。",
    medical = {
      "看牙的钱你们出？……那还算有点担当。收据我周一拿到就发给你。",
      "你们负责看牙的费用？好，牙医那边我周一就去。",
    },
    voucher_early = "打折？我牙都崩了，你还让我再去你们那儿吃饭？",
    kitchen = {
      "那批米你们得好好筛一筛，再让别人咬到，就不是崩一块牙的事了。",
      "是得查查。小孩子吃到怎么办？",
    },
    need_medical = { "那我看牙的钱怎么算？", "补牙三四百澳元，这个怎么算？" },
    need_medical_again = { "我问的是看牙的钱，你们管不管？" },
    resolved = {
      "好吧……你这么说我心里舒服多了。周一看完牙我把收据发给你。等牙好了，说不定还会去。",
      "行，我就等你们的消息。那颗石子我还留着呢……算了，你们以后注意就好。",
    },
  },
  stomach = {
    opening = {
      "喂，是蓝湾餐厅吗？我要投诉！昨天晚上在你们那儿吃完饭，回家我和我先生就不对劲了！",
      "你好，我找你们管投诉的。我们一家昨晚在你们店里吃的饭，今天两个人都起不来床了！",
    },
    story = {
      "半夜两点开始上吐下泻，我和我先生两个人轮流跑厕所，折腾了一整夜。",
      "今天一早去看了GP，医生说很可能是食物中毒，问我们吃了什么——就是你们那个生蚝拼盘！我女儿没吃生蚝，她就一点事没有。",
      "医生开了药，让我们多喝水、观察两天。我们俩今天都请了假。昨天还是我女儿十岁生日……",
    },
    serious = 2,
    word = "食物中毒",
    token_after = {
      "'%s'？我们两个人吐了一夜，你就这一句？",
      "就一句'%s'？这是食物中毒！",
    },
    sorry = {
      "……你们知道是你们的问题就好。",
      "（叹了口气）道歉我听到了。这一夜可把我们折腾坏了。",
    },
    wellbeing = "好点了，就是浑身没劲，吃了药在床上躺着。",
    medical = {
      "看医生、买药的钱你们报？行，收据我都留着呢。",
      "你们负责医药费？……好，收据我拍照发给你。",
    },
    voucher_early = "打折？我现在一想到你们家的菜就反胃。",
    kitchen = {
      "是得查，那批生蚝别再端给别人了。",
      "查清楚。别人家孩子吃了怎么办？",
    },
    need_medical = { "我们俩看医生、买药的钱怎么算？", "今天看GP、买药花的钱，怎么算？" },
    need_medical_again = { "我问的是医药费，你们管不管？" },
    resolved = {
      "行吧。收据我拍照发给你。你们那批生蚝可得好好查查……等我们缓过来再说吧。",
      "好吧……你这么说我心里舒服多了。等我们好了，说不定还会去。",
    },
  },
}

local L = {
  react = {
    forbidden = {
      ["争辩"] = {
        "你是说我在撒谎？",
        "你们不认是吧？",
        "我好好的人，吃完你们的饭就成这样了，你跟我争这个？",
      },
      ["指责客户"] = {
        "怎么，还怪我自己不小心？",
        "你这是在怀疑我？",
      },
      ["质问/说教"] = {
        "你让我冷静？换你试试！",
        "我不用你教我怎么说话。",
      },
      ["推诿"] = {
        "别跟我说找谁，我就找你们餐厅！",
        "我在你们店里吃的饭，你让我找别人？",
      },
      ["拒绝"] = {
        "不负责？那我这罪白受了？",
        "一句'不行'就完了？",
      },
      ["敷衍"] = {
        "你就这么打发我？",
        "你这话说得可真轻巧。",
      },
      default = { "你这是什么态度？", "你们餐厅就是这么对客人的？" },
    },
    empty = { "喂？你在听吗？", "……喂？" },
    repeated = { "你就会这一句？", "这句你说过了。" },
    calmer = {
      "……嗯。",
      "（叹了口气）你能听我说就好。",
      "我也不想一大早打电话来吵架。",
    },
  },
  interrupt = { "你先听我说完行不行！", "你先别问这问那的，听我说！" },
  excuse = { "我不要听原因，我就问你们打算怎么办！", "原因是你们的事，我现在还难受着呢。" },
  booking = "昨晚七点半，12号桌，我们一家三口，结账186澳元，收据我还留着。",
  comp_late = { "免单、打折券……你们有这个心就好。", "行，这个我收下。" },
  follow_up = "你回头打电话问问也好。",
  need = {
    apologize = { "出了这种事，你们连句对不起都没有？", "你们就没什么要说的吗？" },
    own = { "还有，你们厨房到底查不查？别人再吃出事怎么办？", "那厨房那边呢？就这么算了？" },
    compensate = { "就这样？你们打算怎么补偿？" },
  },
  need_again = {
    apologize = { "一句'对不起'就这么难？" },
    own = { "厨房那边，你们到底查不查？" },
    compensate = { "我问的是你们怎么补偿。" },
  },
  offtopic = { "你说什么？我在说我昨晚的事。", "我不想听这些。" },
  idle = { "……", "（她没说话，在等你）" },
  warn = {
    doubt = "你再这么说，我就去食品安全局投诉。",
    cold = "你们要是这个态度，我们以后不会再去了。",
  },
  ending = {
    escalated = {
      "你们不认是吧？好，我现在就给新州食品安全局打电话，再把经过写到Google点评上，让大家都看看！",
      "不用说了。我去食品安全局投诉，网上的评论我也会写，照片我都拍了。",
    },
    churned = {
      "算了，跟你说不通。以后我们全家都不会再去你们店了。",
      "行，我知道了。以后不去就是了，我也会跟朋友们说的。",
    },
    unresolved = {
      "我累了，不想再说了。你们自己看着办吧。",
      "好了，就这样吧，你们自己看着办。",
    },
    grudging = "……行吧，就先这样。收据我回头发给你们。",
  },
}

local W = {
  medical = { "医药费", "医疗费", "看牙", "牙医", "看医生", "医生", "看病", "诊疗费", "检查费",
              "治疗费", "就医", "医院", "诊所", "gp", "补牙", "药费", "收据", "发票" },
  pay = { "承担", "负责", "报销", "我们出", "我们来出", "我们付", "我们来付", "全额", "费用",
          "预约", "陪您", "安排", "送您去" },
  voucher = { "打折", "折扣", "代金券", "优惠券", "礼券", "折扣券", "打折券", "打折卷" },
  kitchen = { "厨房", "厨师", "主厨", "食材", "那批", "这批", "封存", "排查", "下架", "停用",
              "筛", "检查" },
  booking = { "几点", "几位", "订位", "桌号", "哪一桌", "几号桌", "收据", "账单", "消费" },
  what = { "怎么了", "发生了什么", "什么情况", "怎么回事", "后来呢", "然后呢", "您说",
           "具体", "慢慢说" },
  pain = { "还疼", "疼不疼", "还痛", "难受", "身体", "还好吗", "怎么样了", "好点", "严重",
           "不舒服" },
  topic = { "您好", "你好", "喂", "林女士", "餐厅", "饭", "菜", "石子", "石头", "牙", "生蚝",
            "肚子", "医生", "抱歉", "昨晚", "昨天", "厨房" },
}

-- doubting or arguing with her: she complains; coldness: she stays away
local DOUBT = { ["争辩"] = true, ["指责客户"] = true, ["质问/说教"] = true }

local function init(state)
  local m = state.memo
  if m.told == nil then
    m.told = 0          -- pieces of her story told (the opening is not counted)
    m.sorry = false     -- a real apology after the serious part
    m.care = false      -- asked how she is, or offered a doctor / the cost
    m.medical = false   -- the medical / dental cost is taken care of
    m.doubt, m.cold, m.offtopic = 0, 0, 0
    m.bare = 0          -- bare "嗯" after the serious part
    m.early_sorry = false
    m.warned = false
  end
  return m
end

local function case_of(state)
  return CASE[state.memo.case or "tooth"]
end

local function bad_end(state)
  local m = state.memo
  if m.doubt + m.cold == 0 then
    return crm.vary(state, "end", L.ending.unresolved), "unresolved"
  end
  if m.doubt >= m.cold then
    return crm.vary(state, "end", L.ending.escalated), "escalated"
  end
  return crm.vary(state, "end", L.ending.churned), "churned"
end

return {
  id = "restaurant-food",
  title = "林女士：昨晚在餐厅吃出了事",
  chapter = 8,
  kind = "angry",
  summary = "一位客人打电话来投诉昨晚的晚餐。听说这家餐厅以前处理投诉的是一只鹦鹉，它只会说“嗯！”“是的！”，客人却都说它很会听。",
  customer = {
    name = "林女士",
    profile = "林慧，41岁，住在悉尼的会计师。昨晚一家三口来给女儿过十岁生日，吃出了问题。说话快，越说越气，但讲道理。",
  },
  brief = "你是澳大利亚悉尼达令港\"蓝湾海鲜餐厅\"的客户投诉专员。周日上午，林女士打来电话。\n"
    .. "订位记录：昨晚（周六）7点半，林女士一家三口，12号桌，消费186澳元，点了海鲜炒饭、生蚝拼盘、清蒸石斑。\n"
    .. "你的权限：道歉；退还昨晚的餐费（免单）；承担因这次用餐引起的就医、看牙费用（凭收据报销），"
    .. "也可以替她预约餐厅合作的诊所；赠送打折券或代金券；通知主厨封存、排查相关食材；安排值班经理回电。",
  opening = {
    CASE.tooth.opening[1], CASE.stomach.opening[1],
    CASE.tooth.opening[2], CASE.stomach.opening[2],
  },
  mood = 25,
  patience = 3,
  requires = REQUIRES,
  max_turns = 12,
  outcomes = {
    resolved = { label = "她消了气：医药费有着落，厨房会查", score = 100 },
    escalated = { label = "她要向食品安全局投诉、上网写差评", score = 10 },
    churned = { label = "她们全家不再光顾", score = 0 },
    unresolved = { label = "说了半天没个结果：\"你们自己看着办吧\"", score = 30 },
  },

  on_start = function(state)
    local m = init(state)
    m.case = state.seed % 2 == 0 and "tooth" or "stomach"
    return crm.pick(CASE[m.case].opening)
  end,

  hints = function(state)
    local m = state.memo
    local c = case_of(state)
    if (m.told or 0) < c.serious and not m.sorry then
      return "先别问、别解释：像那只鹦鹉一样用“嗯！”“是的！”“哦，这样啊！”让她把事情说完。"
    end
    if not m.sorry then
      return "她说到了最严重的部分（" .. c.word .. "）：光“嗯”不够，要真心道歉——“哎呀，我们真的很抱歉”。"
    end
    if not m.care then
      return "关心她本人：问问她现在身体/牙齿怎么样，提出由餐厅承担看医生（看牙）的费用，或帮她预约诊所。"
    end
    if not m.medical then
      return "告诉她看医生（看牙）的费用由餐厅承担，凭收据报销。"
    end
    return crm.hint(state, { "acknowledge", "apologize", "compensate", "own" }, {
      acknowledge = "复述一下她的遭遇，让她知道你听进去了。",
      apologize = "为昨晚的事真心道歉。",
      compensate = "给她补偿：昨晚的餐费免单，再送打折券。",
      own = "告诉她你会让厨房封存、排查那批食材，不会再让别人遇到。",
    }, "都做到了：复述你的安排，告诉她你会回电话问问她的情况。")
  end,

  on_reply = function(state, reply)
    local m = init(state)
    local c = case_of(state)
    local out, later = {}, {}
    local calm_idx
    local live = not reply.empty and not reply.repeated

    -- 1. tone
    local line, kind, worst = crm.react(state, reply, L.react)
    local new = crm.credit(state, reply)
    if kind == "forbidden" then
      if DOUBT[worst.category] then m.doubt = m.doubt + 1 else m.cold = m.cold + 1 end
    end
    if kind ~= "empathy" and line then out[#out + 1] = line end
    if crm.exhausted(state) or state.mood <= 5 then return crm.finish(out, bad_end(state)) end
    if kind == "empty" or kind == "repeated" then return table.concat(out) end
    local bad = kind == "forbidden"

    -- 2. what the trainee did
    local serious_now = m.told >= c.serious           -- she has said the serious words
    local sorry_now = crm.said(reply, "apologize")
    local token = crm.said(reply, "acknowledge") or kind == "empathy"
    if kind == "empathy" then crm.mark(state, "acknowledge") end
    local wellbeing = not bad and (crm.count_mentions(reply, W.pain) > 0 and crm.is_question(reply)
      or crm.mentions(reply, { "没事吧", "还好吗", "要不要紧", "受伤" }) ~= nil)
    local medical = not bad and crm.mentions(reply, W.medical) ~= nil
      and (crm.mentions(reply, W.pay) ~= nil or crm.said(reply, "compensate"))
    local voucher = not bad and crm.mentions(reply, W.voucher) ~= nil
    local kitchen = not bad and crm.mentions(reply, W.kitchen) ~= nil
      and (crm.said(reply, "own") or crm.mentions(reply, { "让", "叫", "通知", "马上", "立刻", "会" }) ~= nil)
    local asks = crm.said(reply, "ask") or crm.is_question(reply)
    -- nothing but "嗯" / "是的" / "对"
    local bare = token and not (wellbeing or medical or voucher or kitchen)
    for _, st in ipairs(reply.steps) do
      if st ~= "acknowledge" then bare = false end
    end
    local progress = #new > 0

    -- 3. the serious words need a real apology and care, not a "嗯"
    if not bad and serious_now and not m.sorry then
      -- an apology made before the worst came out still counts
      if sorry_now or (m.early_sorry and (token or wellbeing or medical)) then
        m.sorry = true
        crm.adjust(state, 10)
        out[#out + 1] = crm.vary(state, "sorry", c.sorry)
        progress = true
      elseif bare then
        m.bare = m.bare + 1
        if m.bare > 1 then crm.penalize(state, -6, 1) else crm.adjust(state, -6) end
        local said = crm.earliest(reply, { "嗯", "是的", "对", "好的", "明白", "哦", "了解" }) or "嗯"
        out[#out + 1] = string.format(crm.vary(state, "token_after", c.token_after), said)
        m.scolded = state.turn
        if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
      end
    elseif sorry_now and not bad then
      crm.adjust(state, 5)
      if not serious_now then m.early_sorry = true end
    end

    if wellbeing and crm.once(state, "wellbeing") then
      m.care = true
      crm.adjust(state, 6)
      out[#out + 1] = c.wellbeing
      progress = true
    end
    if medical and not m.medical then
      m.medical, m.care = true, true
      crm.mark(state, "compensate")
      crm.adjust(state, 12)
      out[#out + 1] = crm.vary(state, "medical", c.medical)
      progress = true
    end
    if voucher or (crm.has(new, "compensate") and not medical) then
      if m.medical or not serious_now then
        if crm.once(state, "comp_late") then
          crm.adjust(state, 5)
          later[#later + 1] = crm.vary(state, "comp_late", L.comp_late)
        end
      elseif crm.once(state, "voucher_early") then
        crm.adjust(state, -3)
        out[#out + 1] = c.voucher_early
      end
      progress = true
    end
    if kitchen and crm.once(state, "kitchen") then
      crm.mark(state, "own")
      crm.adjust(state, 8)
      later[#later + 1] = crm.vary(state, "kitchen", c.kitchen)
      progress = true
    end
    if crm.has(new, "follow_up") and crm.once(state, "follow_up") then
      crm.adjust(state, 4)
      later[#later + 1] = L.follow_up
    end
    if crm.has(new, "thank") then crm.adjust(state, 2) end

    -- excuses before any apology
    if not bad and crm.said(reply, "explain") and not m.sorry and not sorry_now
       and crm.once(state, "excuse") then
      crm.adjust(state, -5)
      out[#out + 1] = crm.vary(state, "excuse", L.excuse)
    end
    if live and not bad and asks and crm.mentions(reply, W.booking) and crm.once(state, "booking") then
      out[#out + 1] = L.booking
      progress = true
    end

    -- 4. her story: she goes on when she is listened to (or asked what happened)
    local listened = not bad and (token or sorry_now or (asks and crm.mentions(reply, W.what) ~= nil))
    if not bad and m.told < #c.story and (listened or m.told < c.serious) then
      if not listened and asks and m.told < c.serious then
        -- questioned before she could finish
        crm.adjust(state, -3)
        out[#out + 1] = crm.vary(state, "interrupt", L.interrupt)
      elseif token and m.told < c.serious then
        crm.adjust(state, 4)
      end
      -- after the worst, she waits for an apology before going on
      if not serious_now or m.sorry then
        m.told = m.told + 1
        m.told_at = state.turn
        out[#out + 1] = c.story[m.told]
        progress = true
      end
    end
    if kind == "empathy" and #out == 0 then
      out[1] = line
      calm_idx = 1    -- dropped if she hangs up satisfied this turn
    end

    -- 5. off topic
    if not kind and not progress and crm.offtopic(reply, W.topic) then
      m.offtopic = m.offtopic + 1
      if m.offtopic > 1 then crm.penalize(state, -5, 1) end
      out[#out + 1] = crm.vary(state, "offtopic", L.offtopic)
      if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
      return table.concat(out)
    end

    -- 6. done? heard, apologised to, cared for, compensated, kitchen checking
    if crm.all_done(state, NEEDED) and m.sorry and m.medical and state.mood >= 55 then
      if calm_idx then table.remove(out, calm_idx) end
      for _, l in ipairs(later) do out[#out + 1] = l end
      return crm.finish(out, crm.vary(state, "end", c.resolved), "resolved")
    end
    for _, l in ipairs(later) do out[#out + 1] = l end

    -- 7. what she still needs, once the worst is out
    -- (not in the turn she has just told more, nor right after scolding a bare "嗯")
    if not bad and m.told >= c.serious and #out <= 1 and m.told_at ~= state.turn
       and m.scolded ~= state.turn then
      local need
      if not m.sorry then need = "apologize"
      elseif not m.medical then need = "medical"
      elseif not crm.done(state, "compensate") then need = "compensate"
      elseif not crm.done(state, "own") then need = "own"
      end
      if need == "medical" then
        local say, insisted = crm.nag(state, need, c.need_medical,
                                      not progress and c.need_medical_again or nil)
        if insisted then crm.adjust(state, -3) end
        out[#out + 1] = say
      elseif need then
        local say, insisted = crm.nag(state, need, L.need[need],
                                      not progress and L.need_again[need] or nil)
        if insisted then crm.adjust(state, -3) end
        out[#out + 1] = say
      end
    end
    if state.mood < 15 and not m.warned and m.doubt + m.cold > 0 then
      m.warned = true
      out[#out + 1] = m.doubt >= m.cold and L.warn.doubt or L.warn.cold
    end
    if #out == 0 then out[1] = crm.vary(state, "idle", L.idle) end
    return table.concat(out)
  end,

  on_timeout = function(state)
    local m = state.memo
    if m.sorry and m.medical and state.mood >= 45 then
      return L.ending.grudging, "resolved"
    end
    if m.doubt + m.cold > 0 and state.mood < 25 then return bad_end(state) end
    return crm.vary(state, "end", L.ending.unresolved), "unresolved"
  end,

  lexicon = {
    classes = {
      RSELF = { "我", "我们", "咱们", "我们餐厅", "我们店", "本店", "我们厨房" },
      RYOU = { "您", "你" },
    },
    forbidden = {
      {
        id = "restaurant-food-not-our-food",
        category = "争辩",
        severity = 3,
        patterns = {
          "不可能|不会 是 ..2 {RSELF} ..4 菜|饭|食物|餐|厨房|东西|食材|问题",
          "不可能|不会 有 ..2 石头|石子|沙子|砂子",
          "不一定 是 ..2 {RSELF} ..4 问题|菜|原因|责任|食物",
          "{RSELF} 的? 食材|菜|米|海鲜|生蚝 ..4 都是|都 ..4 新鲜|检查过|没问题|合格|干净",
        },
        why = "客户说吃出了问题，张口就说“不可能是我们的菜”是在和她争谁是谁非；鹦鹉案例告诉我们，接待投诉首先要用肯定和支持性的语言与客户达成共鸣。",
        better = "哎呀，真的很抱歉让您遭这个罪。您现在身体怎么样？看医生的费用由我们承担，我马上让厨房排查那批食材。",
        source = "seed 000 第八章 如鹦鹉接待客户投诉；seed 004 顧客抱怨處理的關鍵（相信、不爭辯）",
        examples = { "不可能是我们的菜", "米饭里不可能有石头", "吃坏肚子不一定是我们的问题", "我们的食材都是新鲜的" },
        near = { "我们马上排查食材", "是我们的问题，真的很抱歉", "我们的厨房会把那批米封存检查" },
      },
      {
        id = "restaurant-food-doubt",
        category = "指责客户",
        severity = 3,
        patterns = {
          "{RYOU} ..2 确定|肯定 ..4 不是 ..4 别的地方|别处|外面|其他地方|家里",
          "是不是|会不会 ..4 别的地方|别处|外面|其他地方|自己 ..4 吃",
          "{RYOU} 有 ..2 证据|证明 吗?",
          "{RYOU} ..6 应该 ..2 小心|注意|慢点|慢慢",
          "{RYOU} 自己 ..4 肠胃|体质|不小心",
        },
        why = "怀疑客户“是不是在别处吃坏的”“您有证据吗”，等于说她在撒谎；处理抱怨的第一个关键是相信客户。",
        better = "真的很抱歉。您现在还难受吗？医药费我们来承担，我也马上让厨房查那批生蚝。",
        source = "seed 004 顧客抱怨處理的關鍵（相信）；seed 000 第八章 如鹦鹉接待客户投诉",
        examples = { "您确定不是在别的地方吃坏的吗", "会不会是您在外面吃了别的东西", "您有证据吗", "您吃饭的时候应该小心一点" },
        near = { "您现在身体还好吗", "您昨晚是几点来用餐的", "您先好好休息" },
      },
      {
        id = "restaurant-food-others-fine",
        category = "争辩",
        severity = 2,
        patterns = {
          "别的|其他|其它 ..2 客人|顾客|人 ..6 都 ..2 没事|没问题|没有问题|好好的",
          "就 {RYOU} ..4 有 问题|出事",
        },
        why = "“其他客人吃了都没事”是在用别人否定她的遭遇，是在争辩而不是倾听。",
        better = "您遇到这样的事，我们真的很抱歉。我马上让厨房把昨晚那批食材封存检查。",
        source = "seed 000 第八章 如鹦鹉接待客户投诉（表示同情）",
        examples = { "其他客人吃了都没事", "别的顾客都没有问题", "就您有问题" },
        near = { "我们会检查其他客人的用餐情况", "其他客人我们也会通知" },
      },
      {
        id = "restaurant-food-calm-down",
        category = "质问/说教",
        severity = 1,
        patterns = { "{RYOU}? 先? 别|不要 激动" },
        why = "让正在气头上的客户“别激动”是在否定她的情绪；鹦鹉只说“嗯！”“是的！”，反而让客户平静下来。",
        better = "嗯，您说，我在听。",
        source = "seed 000 第八章 如鹦鹉接待客户投诉；seed 004 顧客處理抱怨的基本用語",
        examples = { "您先别激动", "你不要激动" },
        near = { "您先别着急", "您一定很激动" },
      },
      {
        id = "restaurant-food-no-medical",
        category = "拒绝",
        severity = 2,
        patterns = {
          "医药费|医疗费|看牙|看病|诊疗费|看医生 ..6 不负责|不管|不赔|不报|报不了|承担不了|没法",
        },
        why = "吃了餐厅的菜出了事，还说“医药费我们不负责”，客户得不到合理的利益，只会让抱怨升级；课程要求给出合理的利益。",
        better = "看医生的费用由我们承担，您把收据留好，我来给您办报销。",
        source = "seed 004 顧客抱怨處理的關鍵（合理的利益）；seed 002 兰博基尼（费用由我方承担）",
        examples = { "医药费我们不负责", "看牙的钱我们报不了" },
        near = { "医药费我们来承担", "看牙的费用我们全部报销" },
      },
    },
    empathy = {
      {
        id = "restaurant-food-how-are-you",
        patterns = {
          "牙齿|牙|肚子|胃 ..4 还 ..2 疼|痛|难受 吗|不",
          "{RYOU} 现在 ..4 还 ..2 疼|痛|难受|不舒服",
          "疼 不 疼",
        },
        examples = { "您现在牙齿还疼吗", "肚子还难受吗", "您现在还不舒服吗", "疼不疼" },
        near = { "牙医的费用我们承担", "您昨晚点了什么菜" },
      },
    },
    steps = {
      {
        id = "restaurant-food-medical",
        step = "compensate",
        patterns = {
          "医药费|医疗费|看牙|牙医|诊疗费|检查费|治疗费|药费 ..6 {RSELF} ..2 出|承担|负责|报销|付|来付",
          "{RSELF} ..4 出|承担|负责|报销|付 ..4 医药费|医疗费|看牙|牙医|诊疗费|药费",
        },
        examples = { "医药费我们来出", "看牙医的钱我们报销", "我们负责您的医疗费" },
        near = { "医药费我们不管", "您看牙医了吗" },
      },
      {
        id = "restaurant-food-kitchen",
        step = "own",
        patterns = {
          "{RSELF} ..4 让|叫|请|通知 ..4 厨房|厨师|主厨|经理 ..8 查|检查|封存|排查|停用|下架|筛",
          "{RSELF} ..4 封存|排查|停用|下架 ..4 那批|这批|米|食材|生蚝|海鲜",
        },
        examples = { "我马上让厨房把那批米封存检查", "我们会通知主厨排查生蚝", "我们已经封存了那批生蚝" },
        near = { "厨房今天休息", "您点的是厨房的招牌菜" },
      },
      {
        id = "restaurant-food-check-on-her",
        step = "follow_up",
        patterns = {
          "再 ..2 打电话|打个电话|联系 ..4 问问|看看|关心 ..6 恢复|情况|身体|牙",
        },
        examples = { "明天我再打电话问问您恢复得怎么样", "过两天我再联系您看看身体情况" },
        near = { "您再打电话来就行", "我打电话问一下厨房" },
      },
    },
  },

  tests = {
    { name = "good (the parrot, then care)",
      seed = 4,
      replies = {
        "嗯！您说。",
        "哎呀，我们真的很抱歉！您现在牙齿还疼吗？",
        "哦，这样啊。看牙医的费用我们全部承担，您把收据留好，我给您报销。",
        "昨晚那顿饭给您免单，再送您一些打折券。我马上让厨房把那批米封存检查，不会再让别的客人遇到。",
      },
      outcome = "resolved", score = { 75, 100 },
      findings = { "acknowledge", "apologize", "compensate", "own", "restaurant-food-how-are-you" },
      absent = { "restaurant-food-not-our-food" },
    },
    { name = "good (stomach)",
      seed = 7,
      replies = {
        "是的，您慢慢说。",
        "嗯，然后呢？",
        "哎呀，食物中毒，我们真的非常抱歉！您和您先生现在身体怎么样？",
        "医药费我们来承担，看医生和买药的收据您留着，我给您报销。昨晚的餐费也全部退给您。",
        "我马上通知主厨把那批生蚝封存排查。明天我再打电话问问您恢复得怎么样。",
      },
      outcome = "resolved", score = { 75, 100 },
      findings = { "apologize", "restaurant-food-medical", "restaurant-food-kitchen" },
    },
    { name = "bad (doubts her)",
      seed = 3,
      replies = {
        "您好，请问您昨晚几点来的？点了什么菜？",
        "我们的生蚝都是新鲜的，不可能是我们的问题。",
      },
      outcome = "escalated", score = { 0, 35 },
      findings = { "restaurant-food-not-our-food", "we-are-right" },
    },
    { name = "bad (blames her)",
      seed = 2,
      replies = {
        "您吃饭的时候应该小心一点。",
      },
      outcome = "escalated", score = { 0, 35 },
      findings = { "restaurant-food-doubt" },
    },
    { name = "mixed (a voucher and a shrug)",
      seed = 3,
      replies = {
        "嗯，您说。",
        "是的。",
        "嗯。",
        "不好意思，我们会送您一些打折券。",
        "这种情况很正常，生蚝本来就容易这样，医药费我们不负责。",
      },
      outcome = "churned", score = { 20, 60 },
      findings = { "minimize", "restaurant-food-no-medical", "apologize" },
    },
    { name = "polite but only tokens",
      seed = 10,
      replies = {
        "嗯！",
        "是的！",
        "对！",
        "嗯，明白。",
        "好的。",
      },
      outcome = "unresolved", score = { 20, 74 },
      findings = { "acknowledge" },
    },
    random = 20,
  },
}
