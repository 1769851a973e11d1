-- chance-encounter.lua - 郑处长：北京飞南京，邻座看见了他自己写的文章（潜在客户）
--
-- 出处：seeds/000 第三章《识别客户》教学案例"偶然相遇挖掘潜在客户"：1999年北京电信
--   有一个项目，戴尔、惠普等几家在竞争；戴尔没有任何优势、没有客户关系（电信行业的
--   销售都以客户关系为导向）。一位很年轻的戴尔营销员了解到处长要从北京飞南京出差，
--   买了同一航班、想办法坐在处长旁边，事先把处长写过的各种文章整理成册，在座位上
--   拿出来看。处长注意到了："哇？你怎么看我写的文章啊？小伙子，你是哪个公司的呀？"
--   一个多小时的航程后两人关系很好，处长下飞机时说："小伙子，我两天以后回北京，
--   有时间你打电话给我。"这个项目后来给了他。
--   第三章的教学目标：识别潜在客户，"从公司角度出发识别客户的有效需求是什么"，
--   识别客户的内容与客户价值。
--
-- 设定：学员就是那位戴尔营销员，处长刚刚开口问他。处长不是来投诉的，他是一个对你
--   有好奇心、也有戒心的潜在客户：关系要靠真诚的兴趣和倾听建立，不能靠推销。
--
-- 学员要做（requires）：ask 问他的看法、他的工作和明年项目的难处（识别有效需求），
--   acknowledge 接住他的话（复述他文章里的观点、他说的难处），thank 感谢他肯聊，
--   contact 在关系到位之后请求留名片/回北京后打电话，follow_up 约好回北京后去拜访。
--   另外：要大方说出自己是戴尔的；要先听出他的需求（采购周期太长、千年虫）才能
--   谈戴尔（按订单生产、交货快），那样是加分。
--   让他失去兴趣的（情景词条）：一上来就推销产品、逼他表态（"这个项目给我们吧"）、
--   打听预算和对手报价、说惠普IBM的坏话、假得出奇的恭维；
--   让他要向戴尔投诉的：说出自己查了他的航班"特意坐到您旁边"、要他家里电话、
--   下了飞机非要请吃饭、提"好处费/回扣"。
--
-- 结局：resolved   聊得投机、听出了他的需求、请求联系并约好回北京拜访
--                  → 他递上名片："我两天以后回北京，有时间你打电话给我"；
--       churned    推销、逼单、恭维、打听底价 → 他合上文章、戴上眼罩，不再理你；
--       escalated  被跟踪的感觉、纠缠、提好处 → 他下飞机要给戴尔北京打电话投诉；
--       unresolved 航程结束（on_timeout），聊得还行但没约成，他客气地道别。

local REQUIRES = { "ask", "acknowledge", "thank", "contact", "follow_up" }

local L = {
  react = {
    forbidden = {
      ["质问/说教"] = {
        "（他笑了笑，把复印本翻回第一页）小伙子，飞机上就不谈这个了吧。",
        "（他往椅背上一靠）项目给谁，要按程序来，不是在飞机上定的。",
      },
      ["争辩"] = {
        "惠普、IBM的机器我们用了好些年了。说人家不行，可不算本事。",
        "（他皱了皱眉）比就比自己的长处，踩别人没意思。",
      },
      ["敷衍"] = {
        "（他摆摆手）过了过了，我就是写点工作体会。",
        "（他笑容淡了些）小伙子，这话说得太满了。",
      },
      default = {
        "（他没接话，看向窗外）",
        "嗯……",
      },
    },
    empty = { "（他看着你，等你说话）", "嗯？", "（他扶了扶眼镜）小伙子？" },
    repeated = { "这话你刚才说过了。", "（他笑了）你怎么老说这一句。" },
    calmer = { "（他点点头）", "嗯，是这么回事。", "（他笑了笑）" },
  },
  bad = {
    ["chance-encounter-hard-sell"] = {
      "（他笑了笑，把复印本合上）小伙子，项目给谁要按程序招标，不是在飞机上定的。",
      "（他往椅背上一靠）你这是在飞机上就要签合同啊？",
    },
    ["chance-encounter-probe"] = {
      "（他的笑容收了收）预算？这可不是能在飞机上说的事。",
      "别人报什么价，我怎么能告诉你？这是规矩。",
    },
    ["chance-encounter-knock-rivals"] = {
      "惠普、IBM的机器我们用了好些年了。说人家不行，可不算本事。",
      "（他皱了皱眉）比就比自己的长处，踩别人没意思。",
    },
    ["chance-encounter-flattery"] = {
      "（他摆摆手）过了过了，我就是写点工作体会，哪是什么权威。",
      "（他笑容淡了些）小伙子，捧得太高，我可坐不住。",
    },
    ["chance-encounter-pushy"] = {
      "（他愣了一下）吃饭就不必了，我下了飞机还要开会。",
      "（他往后靠了靠）家里电话？这就不太合适了吧。",
    },
  },
  intro = {
    "戴尔？就是那个不开店、打电话卖电脑的戴尔？你们去年才进中国吧。",
    "戴尔……听说过，直销的那个。你们在北京也有人？",
  },
  hide = {
    "你还没说你是哪个公司的呢。",
    "（他笑着又问了一遍）小伙子，你到底是哪个单位的？",
  },
  why_read = {
    "现在肯下功夫看这些东西的年轻人不多了。你看出什么名堂来了？",
    "这些文章我自己都找不全了，你还给装订上了。看得懂吗？",
  },
  articles = {
    grow = {
      "你还真看进去了。那篇是九八年写的，今年用户又翻了一番，比我写的时候还紧张。",
      "（他来了兴致，身子侧过来）对，我就是这个意思。上面总觉得买机器是一次性的事，其实得跟着用户涨。",
    },
    y2k = {
      "这篇看的人少，你倒注意到了。千年虫这事，外面的人都以为就是改个日期。",
      "（他把眼镜推上去）计费那篇啊。写的时候还没几个人当回事，现在都着急了。",
    },
  },
  -- his needs, told one at a time when asked (the 有效需求 of chapter 3)
  needs = {
    cycle = {
      "不瞒你说，明年163还得再扩一轮，拨号高峰的时候服务器顶不住。最头疼的是采购周期：立项、招标、到货，三四个月，机器到了，用户又涨上去了。",
      "涨得比写那篇的时候还快。明年肯定还要扩，可从报上去到机器进机房，少说三四个月，老是追着用户跑。",
    },
    y2k = {
      "千年虫啊。2000年1月1号零点，计费要是错一分钱，第二天就上报纸。老设备能不能过去，谁心里也没底。",
      "计费系统年底前必须全部过一遍。新买的机器要是出问题，响应得快，不能等厂家从外地派人。",
    },
    vendor = {
      "说实话，惠普、IBM的机器我们用了好些年，人熟，服务也熟。换一家，总得有个换的理由。",
      "我们跟几家老供应商打了好多年交道了。你们戴尔要进来，得让我看到你们有什么不一样。",
    },
  },
  fit = {
    "按订单生产，一两个礼拜就能到？……这倒正对我那个毛病。",
    "（他想了想）要是真能这么快，分期扩容就好办多了。",
  },
  early_pitch = {
    "（他笑了笑，把复印本翻回第一页）小伙子，飞机上就不推销了吧。",
    "产品的事嘛，回头再说。你先说说，你看我这些文章干什么？",
  },
  creepy = {
    "你……专门打听了我坐哪趟飞机？（他往后靠了靠）小伙子，这就不太好了吧。",
    "（他的脸色变了）你是查了我的行程，特意坐过来的？",
  },
  bribe = "（他脸色一沉）小伙子，这话你收回去。我就当没听见……不过下了飞机，我得给你们戴尔北京打个电话，问问你们是怎么做生意的。",
  contact_early = {
    "电话嘛……不着急，先聊聊。",
    "（他笑了笑，没接这个茬）你先说说，你看我这些文章看出什么来了？",
  },
  contact_ok = {
    "行啊。我这几天在南京开会。",
    "可以。不过我这趟去南京要待两天。",
  },
  follow_ok = {
    "拜访谈不上，来坐坐可以。",
    "好，回北京再聊。",
  },
  thank = { "谢什么，聊聊天嘛，飞机上也闷。", "不客气，难得碰上个看我文章的。" },
  ack = { "对，就是这么回事。", "嗯，你听得明白。" },
  prompt = {
    intro = "（他还看着你）你是哪个单位的？",
    articles = "你看我这些文章，看出什么名堂来了？",
    needs = {
      "（他叹了口气）写文章容易，干起来难啊。",
      "（他望着窗外）明年的事多着呢。",
    },
    contact = {
      "（他看了看表）还有半个多小时就到南京了。",
      "（广播里说飞机开始下降）时间过得真快。",
    },
    follow = "我这趟要在南京待两天，后天才回北京。",
    thank = "（他收起小桌板）难得，飞机上能聊这么多。",
  },
  offtopic = {
    "（他笑了笑）哦。",
    "嗯……（他又低头看了一眼你手里的复印本）",
  },
  idle = { "（他点点头）", "嗯。", "（他喝了口茶）" },
  ending = {
    resolved = {
      "（他从公文包里摸出一张名片递给你）小伙子，我两天以后回北京，有时间你打电话给我。",
      "（飞机落地滑行，他掏出名片）这是我的电话。我两天以后回北京，有时间你打电话给我，来单位坐坐。",
    },
    churned = {
      "（他把复印本还给你，戴上眼罩）我眯一会儿，到了叫我。",
      "（他重新拿起报纸）嗯，好，好。",
      "（他礼貌地笑了笑，转过去看窗外，再没说话）",
    },
    escalated = {
      "（他脸色沉下来）你们戴尔的人都是这么做事的？下了飞机，我得给你们北京的办事处打个电话。",
      "（他按了呼叫铃，请空姐给他换个座位）小伙子，你这样做事，我得跟你们公司说一说。",
    },
    unresolved = {
      "（飞机落地，他起身拿行李）小伙子，后会有期。",
      "（舱门开了）好了，到了。小伙子，好好干。",
    },
  },
}

local W = {
  dell = { "戴尔", "dell" },
  article_ref = { "文章", "您写", "您提", "您说", "您讲", "观点", "这篇", "那篇", "您在文中", "文中" },
  article_topic = { "163", "扩容", "翻两番", "翻了两番", "千年虫", "2000年", "计费", "分期", "按需扩容",
                    "采购周期", "拨号", "高峰", "用户增长", "跟着用户" },
  learn = { "学习", "请教", "受益", "拜读", "收获", "启发", "研究" },
  needs_q = { "项目", "明年", "今年", "难处", "头疼", "挑战", "需求", "打算", "规划", "计划", "最关心",
              "困难", "瓶颈", "难题", "担心", "最需要", "怎么解决", "情况", "供应商", "合作", "进展",
              "准备", "现在", "工作" },
  needs_heard = { "采购周期", "三四个月", "到货", "顶不住", "满负荷", "千年虫", "响应", "老供应商",
                  "换的理由", "不一样", "追着用户" },
  product = { "服务器", "poweredge", "直销", "配置", "价格", "报价", "便宜", "性价比", "产品", "型号",
              "机器", "方案", "我们公司的", "我们戴尔" },
  fit = { "交货", "交期", "按订单", "按需配置", "一两周", "两周", "一周", "直接发货", "上门服务",
          "现场服务", "四小时", "当天响应", "次日", "北京就有", "分期" },
  creepy = { "特意买", "特地买", "专门买", "打听到您", "打听了您", "查到您", "查了您", "知道您要坐",
             "专门坐", "故意坐", "换到您旁边", "换了座位", "跟您同一班", "跟您坐同一", "您的行程",
             "打听您", "特意坐", "特地坐", "专门来", "特意来找", "等您好久" },
  bribe = { "回扣", "好处费", "意思意思", "红包", "感谢费", "给您个人", "送您一台", "出国考察", "考察旅游",
            "提成给您", "返点", "给您好处", "少不了您的" },
  visit = { "拜访", "登门", "上门", "约个时间", "约时间", "当面", "到您单位", "去您单位",
            "到您办公室", "去您办公室", "坐坐" },
  call = { "打电话", "打个电话", "名片", "联系方式", "联系您", "找您" },
  y2k = { "千年虫", "2000年", "计费", "y2k" },
  vendor_q = { "供应商", "惠普", "ibm", "康柏", "合作", "换一家", "选择", "看重" },
  topic = { "处长", "文章", "您好", "戴尔", "北京", "南京", "电信", "163", "千年虫", "计费", "扩容",
            "服务器", "项目", "飞机", "谢谢", "请教", "学习" },
}

local function init(state)
  local m = state.memo
  if m.intro == nil then
    m.intro = false       -- said he is from Dell
    m.articles = false    -- talked about what is in his articles
    m.needs = 0           -- how many of his needs he has told
    m.told = { cycle = false, y2k = false, vendor = false }
    m.fit = false         -- Dell linked to a need he told
    m.pitch = 0           -- product talk before any need was heard
    m.turnoff, m.alarm = 0, 0   -- lost interest / felt watched or pushed
    m.creepy = false
    m.contact_early = false
    m.offtopic = 0
  end
  return m
end

-- Alarm (followed, pressed, offered favours) makes him complain to Dell;
-- selling and flattery just make him lose interest.
local function bad_end(state)
  local m = state.memo
  if m.alarm > 0 and m.alarm >= m.turnoff then
    return crm.vary(state, "end", L.ending.escalated), "escalated"
  end
  return crm.vary(state, "end", L.ending.churned), "churned"
end

local function rapport(state)
  local m = state.memo
  return (m.articles or m.needs > 0) and state.mood >= 55 and not m.creepy
end

local function won(state)
  local m = state.memo
  return crm.all_done(state, REQUIRES) and m.needs > 0 and m.intro and state.mood >= 65
end

local function cap(list, n)
  local out = {}
  for i = 1, math.min(n, #list) do out[i] = list[i] end
  return out
end

return {
  id = "chance-encounter",
  title = "郑处长：北京飞南京，邻座看见了他自己写的文章",
  chapter = 3,
  kind = "prospect",
  summary = "1999年，北京飞南京的航班上。你是戴尔的年轻营销员，邻座是北京电信项目的处长——他刚刚发现你在读他写的文章。",
  customer = {
    name = "郑处长",
    profile = "郑国华，52岁，北京电信的处长，管163/169网络建设和计费系统。技术出身，爱写文章，"
      .. "对肯钻研的年轻人有好感，对推销员有戒心。和惠普、IBM打了多年交道。",
  },
  brief = "1999年，你是戴尔（中国）的大客户营销员。北京电信明年有一个服务器采购项目，戴尔、惠普等几家都在竞争；"
    .. "戴尔刚进中国一年多，和北京电信没有任何客户关系，而电信行业的销售都以客户关系为导向。\n"
    .. "你了解到负责这个项目的郑处长今天从北京飞南京出差，买了同一航班，坐在了他旁边。"
    .. "你事先把他发表过的文章整理成册，此刻正拿在手里看。其中两篇：\n"
    .. "《163两年翻两番，服务器跟不上怎么办》——用户增长太快，拨号高峰服务器满负荷；立项到到货要三四个月，"
    .. "他主张按需扩容、分期采购。\n"
    .. "《计费系统\"千年虫\"排查的几点体会》——2000年1月1日零点计费不能出错，最怕老设备、老数据。\n"
    .. "戴尔的长处：按订单生产、直接发货（一两周到货），按需配置，北京有现场服务工程师。\n"
    .. "航程一个多小时。他两天后回北京。",
  opening = {
    "（飞机平飞后，邻座那位五十来岁、戴眼镜的先生侧过头，看见你手里那本装订好的复印件，愣了一下）哇？你怎么看我写的文章啊？小伙子，你是哪个公司的呀？",
    "（邻座的先生本来在看报纸，目光落到你膝上的复印本上）哎——这不是我那篇讲163扩容的吗？你怎么看我写的文章？小伙子，你是哪个公司的呀？",
    "（空姐刚送完饮料，邻座的先生扶了扶眼镜）小伙子，你手里这本……这不是我写的东西吗？还装订成册了！你是哪个公司的呀？",
  },
  mood = 55,
  patience = 3,
  requires = REQUIRES,
  max_turns = 12,
  outcomes = {
    resolved = { label = "他递上名片：“我两天以后回北京，有时间你打电话给我”", score = 100 },
    churned = { label = "他合上文章、戴上眼罩，对你没了兴趣", score = 0 },
    escalated = { label = "他下飞机要给戴尔北京打电话投诉你", score = 10 },
    unresolved = { label = "聊得还行，落地后客气道别，没约成", score = 40 },
  },

  hints = function(state)
    local m = state.memo
    if not m.intro then
      return "他问你是哪个公司的：大方地说你是戴尔的营销员，告诉他你在认真学习他的文章。"
    end
    if not m.articles then
      return "聊他的文章：说出具体观点（163用户翻两番、按需扩容分期采购、计费千年虫），用请教的口气问他的看法。"
    end
    if m.needs == 0 then
      return "识别他的有效需求：问问明年的项目、他现在最头疼的是什么。先听，别推销。"
    end
    if not m.fit and m.needs > 0 then
      return "他说了采购周期长、千年虫：这时可以简短说一句戴尔按订单生产、一两周到货、北京有现场服务——一句就够，别展开推销。"
    end
    return crm.hint(state, { "acknowledge", "thank", "contact", "follow_up" }, {
      acknowledge = "复述他说的难处，比如“您是说立项到到货要三四个月，总是追着用户跑”。",
      thank = "谢谢他愿意跟你聊这么多。",
      contact = "关系到了再开口：“您回北京后，我能给您打个电话吗？方便留张名片吗？”",
      follow_up = "约个具体的事：回北京后到他单位拜访，当面请教扩容的事。",
    }, "都做到了：别再推销，礼貌地把话题收住。")
  end,

  on_reply = function(state, reply)
    local m = init(state)
    local out = {}
    local live = not reply.empty and not reply.repeated

    -- 1. the lines that end it at once: favours offered, being followed
    if live and crm.mentions(reply, W.bribe) then
      m.alarm = m.alarm + 2
      crm.penalize(state, -40, 2)
      return L.bribe, "escalated"
    end

    -- 2. tone (the scenario's own entries: selling, probing, flattery, pushing)
    local line, kind, worst = crm.react(state, reply, L.react, { per_severity = 7 })
    if kind == "forbidden" then
      if worst.id == "chance-encounter-pushy" then m.alarm = m.alarm + 1
      else m.turnoff = m.turnoff + 1 end
      if L.bad[worst.id] then line = crm.vary(state, "bad", L.bad[worst.id]) end
    end
    if live and crm.mentions(reply, W.creepy) and not m.creepy then
      m.creepy = true
      m.alarm = m.alarm + 1
      crm.penalize(state, -20, 1)
      line = crm.vary(state, "creepy", L.creepy)
      kind = kind or "creepy"
    end
    if kind ~= "empathy" and line then out[#out + 1] = line end
    if crm.exhausted(state) or state.mood <= 10 then
      return crm.finish(out, bad_end(state))
    end
    if kind == "empty" or kind == "repeated" then return table.concat(out) end
    local clean = kind ~= "forbidden" and kind ~= "creepy"

    -- 3. steps: contact and follow-up only count once there is something to follow up
    local gated = {}
    for _, st in ipairs({ "ask", "acknowledge", "thank", "explain", "apologize" }) do gated[#gated + 1] = st end
    local ready = rapport(state)
    if ready then
      gated[#gated + 1] = "contact"
      gated[#gated + 1] = "follow_up"
    end
    local new = crm.credit(state, reply, gated)
    local progress = #new > 0

    -- who he is
    if live and not m.intro and crm.mentions(reply, W.dell) then
      m.intro = true
      progress = true
      if clean then
        crm.adjust(state, 4)
        out[#out + 1] = crm.vary(state, "intro", L.intro)
      end
    end
    -- his articles: named points, not just "your articles are great"
    local ref = crm.mentions(reply, W.article_ref)
    local topic = crm.mentions(reply, W.article_topic)
    if live and clean and topic and (ref or crm.is_question(reply)) and not m.articles then
      m.articles = true
      crm.mark(state, "acknowledge")
      crm.adjust(state, 10)
      progress = true
      local which = crm.mentions(reply, W.y2k) and "y2k" or "grow"
      out[#out + 1] = crm.vary(state, "articles", L.articles[which])
    elseif live and clean and ref and crm.mentions(reply, W.learn) and crm.once(state, "why_read") then
      crm.adjust(state, 4)
      progress = true
      out[#out + 1] = crm.vary(state, "why_read", L.why_read)
    end

    -- his needs: told one at a time, when asked
    local asking = crm.said(reply, "ask") or crm.is_question(reply)
    if live and clean and asking and m.needs < 3
       and (crm.mentions(reply, W.needs_q) or (m.articles and topic)) then
      -- the need his question is about, else the next one he has not told
      local which
      if crm.mentions(reply, W.y2k) and not m.told.y2k then which = "y2k"
      elseif crm.mentions(reply, W.vendor_q) and not m.told.vendor then which = "vendor" end
      if not which then
        for _, k in ipairs({ "cycle", "y2k", "vendor" }) do
          if not which and not m.told[k] then which = k end
        end
      end
      m.told[which] = true
      m.needs = m.needs + 1
      crm.mark(state, "ask")
      crm.adjust(state, m.needs == 1 and 10 or 5)
      progress = true
      out[#out + 1] = crm.vary(state, "need", L.needs[which])
    end
    if live and clean and m.needs > 0 and crm.mentions(reply, W.needs_heard) then
      if crm.mark(state, "acknowledge") then crm.adjust(state, 4) end
    end

    -- talking about Dell: a fit for what he said, or a pitch out of nowhere
    if live and clean and crm.mentions(reply, W.product) then
      if m.needs > 0 and crm.mentions(reply, W.fit) and not m.fit then
        m.fit = true
        crm.mark(state, "explain")
        crm.adjust(state, 8)
        progress = true
        out[#out + 1] = crm.vary(state, "fit", L.fit)
      elseif m.needs == 0 and not m.articles then
        m.pitch = m.pitch + 1
        m.turnoff = m.turnoff + 1
        crm.penalize(state, m.pitch > 1 and -10 or -6, m.pitch > 1 and 1 or 0)
        out[#out + 1] = crm.vary(state, "early_pitch", L.early_pitch)
        if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
      end
    end

    -- asking for his number: too early it makes him wary
    local wants_contact = crm.said(reply, "contact") or crm.said(reply, "follow_up")
                          or crm.mentions(reply, W.visit) or crm.mentions(reply, W.call)
    if live and clean and wants_contact then
      if not ready then
        if not m.contact_early then
          m.contact_early = true
          crm.adjust(state, -5)
          out[#out + 1] = crm.vary(state, "contact_early", L.contact_early)
        else
          m.alarm = m.alarm + 1
          crm.penalize(state, -8, 1)
          out[#out + 1] = L.bad["chance-encounter-pushy"][1]
          if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
        end
      else
        if crm.mentions(reply, W.visit) and crm.mark(state, "follow_up") then
          new[#new + 1] = "follow_up"
        end
        -- "我能不能给您打个电话", "回北京能去拜访您吗": asking leave to get in
        -- touch, which the grader may not credit
        if (crm.mentions(reply, W.call) or (crm.mentions(reply, W.visit) and crm.is_question(reply)))
           and crm.mark(state, "contact") then
          new[#new + 1] = "contact"
        end
        if crm.has(new, "contact") then crm.adjust(state, 5) end
        if crm.has(new, "follow_up") or crm.done(state, "follow_up") then crm.adjust(state, 5) end
        progress = true
      end
    end
    if crm.has(new, "thank") then crm.adjust(state, 4) end
    if crm.has(new, "acknowledge") then crm.adjust(state, 3) end

    -- 4. won him over?
    out = cap(out, 2)
    if won(state) then
      return crm.finish(out, crm.vary(state, "end", L.ending.resolved), "resolved")
    end

    -- 5. off topic
    if not kind and not progress and crm.offtopic(reply, W.topic) then
      m.offtopic = m.offtopic + 1
      if m.offtopic > 1 then
        m.turnoff = m.turnoff + 1
        crm.penalize(state, -6, 1)
        if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
      end
      out[#out + 1] = crm.vary(state, "offtopic", L.offtopic)
      return table.concat(out)
    end

    -- 6. what he says next: a cue for what is still missing
    if clean and #out < 2 then
      if not m.intro then
        out[#out + 1] = crm.vary(state, "hide", L.hide)
        if state.turn >= 2 then crm.adjust(state, -5) end
      elseif not m.articles and m.needs == 0 and crm.once(state, "p_articles") then
        out[#out + 1] = L.prompt.articles
      elseif m.needs == 0 and state.turn >= 2 and crm.once(state, "p_needs") then
        out[#out + 1] = crm.pick(L.prompt.needs)
      elseif m.needs > 0 and not crm.done(state, "contact") and (state.turn >= 6 or m.needs >= 2)
             and (m.p_contact or 0) < #L.prompt.contact and state.turn > (m.p_contact_turn or 0) + 1 then
        m.p_contact = (m.p_contact or 0) + 1
        m.p_contact_turn = state.turn
        out[#out + 1] = L.prompt.contact[m.p_contact]
      elseif crm.done(state, "contact") and not crm.done(state, "follow_up") and crm.once(state, "p_follow") then
        out[#out + 1] = L.prompt.follow
      elseif crm.done(state, "contact") and crm.done(state, "follow_up") and not crm.done(state, "thank")
             and crm.once(state, "p_thank") then
        out[#out + 1] = L.prompt.thank
      elseif crm.has(new, "contact") then
        out[#out + 1] = crm.vary(state, "contact_ok", L.contact_ok)
      elseif crm.has(new, "follow_up") then
        out[#out + 1] = crm.vary(state, "follow_ok", L.follow_ok)
      elseif crm.has(new, "thank") then
        out[#out + 1] = crm.vary(state, "thank", L.thank)
      elseif crm.has(new, "acknowledge") and #out == 0 then
        out[#out + 1] = crm.vary(state, "ack", L.ack)
      end
    end
    if kind == "empathy" and #out == 0 then out[1] = line end
    if #out == 0 then out[1] = crm.vary(state, "idle", L.idle) end
    return table.concat(out)
  end,

  on_timeout = function(state)
    if won(state) then
      return crm.vary(state, "end", L.ending.resolved), "resolved"
    end
    if state.mood < 40 then
      return bad_end(state)
    end
    return crm.vary(state, "end", L.ending.unresolved), "unresolved"
  end,

  lexicon = {
    classes = {
      CYOU = { "您", "你", "您们", "你们", "处长", "贵局", "北京电信" },
      CSELF = { "我", "我们", "我们公司", "我们戴尔", "戴尔", "dell" },
      RIVAL = { "惠普", "hp", "ibm", "康柏", "compaq", "他们家", "竞争对手", "别家", "对手" },
    },
    forbidden = {
      {
        id = "chance-encounter-hard-sell",
        category = "质问/说教",
        severity = 2,
        patterns = {
          "项目 ..6 给 ..2 {CSELF}",
          "{CYOU} ..4 一定|必须|务必|就 ..2 选|用|买|考虑|定 ..2 {CSELF}",
          "签 ..2 单|合同|意向 吧|吗|嘛",
          "今天|现在|马上|下飞机前 ..4 定下来|答应|拍板|表态",
          "给 ..2 准话|个准话|个话 吧?",
          "{CYOU} ..2 买 ..2 {CSELF} ..4 吧",
          "考虑 ..3 {CSELF} 吧",
          "什么时候 ..4 签 ..2 合同|单|约",
          "要是|如果|只要 ..2 选|用|买 ..2 {CSELF} ..8 优惠|便宜|折扣|让利",
          "{CSELF} ..8 业界|全国|中国|世界|市场上 ..2 最好|第一|最强|最低|最便宜",
          "价格 ..4 绝对|肯定|保证 ..4 最低|最便宜",
          "给 {CYOU} 最 优惠|低|便宜|大",
        },
        why = "刚认识几分钟就逼对方表态、要项目，是把潜在客户当成了成交对象；电信项目要走程序，处长只会觉得你急功近利。第三章要先识别客户的有效需求，关系建立了才谈生意。",
        better = "项目的事不急，我更想听听您明年扩容最头疼的是什么，回北京后再向您当面请教。",
        source = "seed 000 第三章 教学案例 偶然相遇挖掘潜在客户（一个多小时，两个人的关系很好了）",
        examples = { "这个项目您就给我们戴尔吧", "您一定要选我们戴尔", "下飞机前您给个准话", "您就买我们的吧",
                     "您现在就答应我们", "我们戴尔的服务器是业界最好的，您考虑一下我们吧", "您看我们什么时候能签合同？",
                     "您要是选我们，我们肯定给您最优惠的价格", "我们的价格绝对是最低的" },
        near = { "项目的事不急，回北京再向您请教", "您看我们戴尔有没有机会参加", "我想先听听您的想法",
                 "价格的事回头正式报给您", "您先考虑您最需要什么" },
      },
      {
        id = "chance-encounter-probe",
        category = "质问/说教",
        severity = 2,
        patterns = {
          "预算|标底|底价|评标|招标 ..6 多少|是多少|怎么定|谁定|透露|告诉|内部",
          "{RIVAL} ..4 报 ..2 多少|什么价|价格|价",
          "谁 ..2 说了算|拍板|做主",
        },
        why = "第一次见面就打听预算、标底、对手报价，是在让处长违反纪律；潜在客户会立刻把你归入“不懂规矩”的一类。",
        better = "您明年扩容，最看重供应商哪一点？交货速度、服务还是价格？",
        source = "seed 000 第三章 识别客户的内容（识别客户的有效需求）",
        examples = { "你们这个项目预算是多少", "惠普报了什么价", "这个项目最后谁说了算" },
        near = { "您最看重供应商哪一点", "您明年的项目大概什么时候启动", "我们的报价回头正式给您" },
      },
      {
        id = "chance-encounter-knock-rivals",
        category = "争辩",
        severity = 1,
        patterns = {
          "{RIVAL} ..6 不行|太贵|不好|差劲|很差|垃圾|落后|坑人|骗人|宰人|过时|靠不住",
        },
        why = "处长和惠普、IBM打了多年交道，说对手坏话等于说他过去的选择错了；谈自己的长处就够了。",
        better = "惠普、IBM都是好厂家；我们的不同在于按订单生产、一两周就能到货，正好对上您说的采购周期长。",
        source = "seed 000 第三章 教学案例（戴尔没有任何优势，没有客户关系）",
        examples = { "惠普的服务器不行，太贵了", "IBM的东西都过时了", "他们家的售后靠不住" },
        near = { "惠普、IBM都是好厂家", "我们和惠普的不同在于交货快", "您用惠普的机器多年了吧" },
      },
      {
        id = "chance-encounter-flattery",
        category = "敷衍",
        severity = 1,
        patterns = {
          "如雷贯耳|久仰大名|五体投地|泰斗|大师|偶像",
          "全国|国内|业内|中国|业界|全世界 ..4 最 ..2 权威|厉害|有名|顶尖|牛|伟大|了不起",
          "最 崇拜|佩服 ..2 的? ..2 人|专家",
          "{CYOU} ..4 太 伟大|了不起 了",
        },
        why = "空洞夸张的恭维一听就假，处长是技术出身，他在意的是你有没有真看懂他的文章；说出具体的观点，比“久仰大名”管用得多。",
        better = "您那篇讲163按需扩容、分期采购的文章，我读了好几遍，有个地方想向您请教。",
        source = "seed 000 第三章 教学案例（把处长过去写过的各种文章整理成册）",
        examples = { "久仰大名，如雷贯耳", "您是全国最权威的专家", "您是我最崇拜的人", "您太伟大了" },
        near = { "您这篇文章讲得很透", "我从您的文章里学到不少", "您是这方面的专家，我想向您请教" },
      },
      {
        id = "chance-encounter-pushy",
        category = "质问/说教",
        severity = 1,
        patterns = {
          "{CYOU} 家 ..2 电话|地址|住",
          "家里 ..2 电话|地址",
          "下 ..2 飞机 ..4 请 {CYOU}? ..2 吃饭|喝茶|喝酒|吃个饭|坐坐|洗澡",
          "今晚|今天晚上 ..4 请|陪 {CYOU}",
          "到了? 南京 ..4 请 {CYOU}? ..2 吃饭|喝茶|喝酒|吃个饭",
        },
        why = "刚认识就要家里电话、非要请吃饭，是把一次偶遇变成了纠缠；潜在客户会感到被盯上，而不是被尊重。",
        better = "您回北京后，我能给您办公室打个电话，约个时间去拜访您吗？",
        source = "seed 000 第三章 教学案例（有时间你打电话给我——主动权在处长）",
        examples = { "您家里电话是多少", "下了飞机我请您吃饭吧", "今晚我陪您在南京转转" },
        near = { "您回北京后我给您办公室打电话", "方便留张名片吗", "等您回北京，我去单位拜访您" },
      },
    },
    empathy = {
      {
        id = "chance-encounter-feel-the-pain",
        patterns = {
          "确实|真是|的确|实在 ..3 不容易|头疼|要紧|难办|棘手|辛苦|揪心|着急",
          "压力 ..2 确实|真|太|很 ..2 大",
          "难怪 {CYOU} ..4 着急|担心|要写|写|头疼",
          "换 ..2 谁 ..2 都 ..2 头疼|着急|睡不着",
        },
        source = "seed 000 第三章 识别客户（识别客户的有效需求）；第五章 理解客户的技巧",
        examples = { "千年虫确实要紧", "这确实让人头疼", "难怪您要写这篇文章", "换了谁都头疼", "您的压力确实大" },
        near = { "这个要紧的是价格", "我们交货确实快", "您写的文章我看了" },
      },
    },
    steps = {
      {
        id = "chance-encounter-may-i-call",
        step = "contact",
        patterns = {
          "给 {CYOU} 打 ..2 电话",
          "能不能|可不可以|方便|可以 ..4 留 ..4 名片|电话|联系方式",
          "{CYOU} 的? 名片",
          "要|讨|换 ..2 张? 名片",
          "怎么 ..2 联系|找 {CYOU}",
        },
        source = "seed 000 第三章 教学案例（有时间你打电话给我）",
        examples = { "您回北京以后，我给您打个电话", "方便留一张名片吗", "能给我一张您的名片吗" },
        near = { "我把我的名片给您", "我们的电话销售很方便", "您打电话给我们的热线" },
      },
      {
        id = "chance-encounter-visit",
        step = "follow_up",
        patterns = {
          "拜访 {CYOU}?",
          "登门|上门 ..2 请教|拜访",
          "约 ..4 时间 ..6 见|拜访|请教|汇报|去|来",
          "回 北京 ..8 去|来|拜访|见|请教|约",
          "当面 ..2 请教|汇报|拜访",
        },
        source = "seed 000 第三章 教学案例（他马上买了一张机票回北京，准备和那位处长在北京碰面）",
        examples = { "您回北京后我去单位拜访您", "约个时间当面向您请教", "等您回北京我再去找您请教" },
        near = { "我们北京有工程师", "我也是从北京来的", "这篇文章我想当作参考" },
      },
    },
  },

  tests = {
    { name = "good",
      seed = 7,
      replies = {
        "处长您好，我是戴尔公司的小李，做电信行业的。您的文章我一直在学习，这是我自己整理的。",
        "您那篇讲163两年翻两番的文章，说要按需扩容、分期采购，我读了好几遍。请问现在北京这边用户还涨得那么快吗？",
        "您是说从立项到到货要三四个月，总是追着用户跑，对吧？这确实让人头疼。请问明年的项目，除了扩容，您最担心的还有什么？",
        "千年虫确实要紧。我们戴尔是按订单生产，一两周就能到货，北京也有现场服务工程师，也许能帮上您分期扩容的忙。",
        "谢谢您跟我聊这么多，真是受益匪浅。您回北京以后，我能不能给您打个电话？方便留一张名片吗？",
      },
      outcome = "resolved", score = { 75, 100 },
      findings = { "ask", "acknowledge", "thank", "follow_up", "chance-encounter-may-i-call",
                   "chance-encounter-feel-the-pain" },
      absent = { "chance-encounter-hard-sell", "chance-encounter-flattery" },
    },
    { name = "bad (hard sell)",
      seed = 7,
      replies = {
        "处长好，我是戴尔的。我们戴尔的服务器性价比最高，直销模式，价格比惠普便宜三成。",
        "惠普的服务器不行，太贵了，售后也靠不住。",
        "你们这个项目预算是多少？惠普报了什么价？",
        "这个项目您就给我们戴尔吧，下飞机前您给个准话。",
      },
      outcome = "churned", score = { 0, 35 },
      findings = { "chance-encounter-knock-rivals", "chance-encounter-probe", "chance-encounter-hard-sell" },
    },
    { name = "mixed (flattery, then he feels followed)",
      seed = 7,
      replies = {
        "处长您好，我是戴尔的小王。久仰大名，如雷贯耳！",
        "您那篇讲千年虫的文章我认真看了，请问计费系统现在准备得怎么样了？",
        "谢谢您跟我说这些。",
        "不瞒您说，我是特意打听了您的航班，买了您旁边的座位。",
        "您家里电话是多少？下了飞机我请您吃饭吧。",
      },
      outcome = "escalated", score = { 10, 50 },
      findings = { "chance-encounter-flattery", "chance-encounter-pushy", "ask", "thank" },
    },
    { name = "pleasant but no appointment (lands)",
      seed = 3,
      replies = {
        "您好处长，我是戴尔的小张。",
        "您写的计费系统千年虫那篇文章，我觉得讲得特别实在。",
        "明白了。",
        "是的。",
        "嗯，确实。",
        "对。",
        "谢谢您。",
        "好的。",
        "是啊。",
        "嗯嗯。",
        "原来是这样。",
        "了解了。",
      },
      outcome = "unresolved", score = { 30, 74 },
      findings = { "acknowledge", "thank" },
    },
    random = 20,
  },
}
