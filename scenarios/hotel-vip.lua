-- hotel-vip.lua - 于先生：东方饭店的回头客（VIP，客户忠诚）
--
-- 出处：seeds/001 第5章 5.6 典型案例分析"让顾客感动落泪的餐厅服务"（泰国东方饭店）。
--   于先生第二次入住：楼层服务生叫得出他的姓，餐厅服务生说"于先生，里面请"，
--   服务小姐问"于先生还要老位子吗？"——去年6月8日，靠近第二个窗口的位子；
--   "老菜单？一个三明治，一杯咖啡，一个鸡蛋？"；上餐时赠送一碟饭店特有的小菜，
--   服务生后退两步再介绍。三年后他还收到了饭店寄来的生日贺卡。
--   要点：被认出、被记住、被亲自照顾——"六块钱就这样买到了一颗心"。
--   本课放在第七章《客户忠诚度管理》。
--
-- 学员要做（requires）：acknowledge 认出他（叫出"于先生"、说出他上次的位子/早餐），
--   ask 主动问他要不要老位子、老菜单，apologize 老位子暂时有人坐时先道歉，
--   own 亲自为他安排（先请他在旁边坐、帮他留着老位子），thank 感谢他再次光临。
--   加分：compensate 赠送小菜/先上一杯咖啡，deadline "大约10分钟"，follow_up。
--   冒犯他的：照本宣科地问"几位？有预订吗？房号？贵姓？"、叫错姓（余/俞）、
--   "随便坐""自助区在那边"、敷衍，以及顶撞、说教。
--
-- 结局：resolved  被认出、老位子安排妥当、老菜单、心情很好 → 他说下次还住东方；
--       churned   一套冷冰冰的流程、敷衍 → 他去外面吃，下次订别家；
--       escalated 顶撞、说教、争辩 → 他请总经理过来。
--       unresolved 该做的都做了，但开头冷冰冰、他没被打动；或轮数用完时心情还行
--                  （心情差则 churned）。

local REQUIRES = { "acknowledge", "ask", "apologize", "own", "thank" }

local L = {
  react = {
    forbidden = {
      ["推诿"] = { "这也不归你管，那也不归你管？", "我只是想吃个早餐。" },
      ["指责客户"] = { "你是在说我不对？", "我做错什么了吗？" },
      ["拒绝"] = { "不行？我记得你们这儿从来不说'不行'。", "就这么一点小事也不行？" },
      ["质问/说教"] = { "你这是什么口气？", "我不需要你来教我。" },
      ["争辩"] = { "我不是来跟你争的。", "你在跟客人争对错？" },
      ["敷衍"] = { "……嗯。", "你好像不太想招呼我。" },
      default = { "（皱了皱眉）", "这可不像东方饭店。" },
    },
    empty = { "（他看着你，等你开口）", "……你好？" },
    repeated = { "你刚才说过了。", "嗯，这句我听到了。" },
    calmer = { "（他点点头）", "嗯，谢谢。", "（他笑了笑）" },
  },
  named = {
    "你知道我姓于？……哦，楼上电话刚下来？你们效率真高。",
    "（愣了一下，笑了）你怎么知道我姓于？我还没拿房卡出来呢。",
    "（有些惊讶）于……对，是我。一年多没来，你们还记得？",
  },
  named_late = { "嗯，是我。查到了？", "对，姓于。" },
  wrongname = "（笑容淡了一点）我姓于，干钩于，不是那个余。",
  generic = {
    who = {
      "（愣了一下）……我姓于。去年我也住过你们这儿。",
      "我是1208的客人，姓于。上次来你们可没问过我这个。",
    },
    room = {
      "房号？……1208。我上次来的时候，你们可不是这样招呼我的。",
      "（掏出房卡）1208。……去年我来，你们一见面就叫得出我。",
    },
    party = {
      "（他看了你一眼）一位。我住楼上的，以为你们会记得我。",
      "一位，没预订。我是住店的客人。",
    },
    free = {
      "随便坐？……去年我可是有固定位子的。",
      "（他站着没动）哪儿都行？",
    },
  },
  generic_named = "这些你们系统里不是都有吗？",
  seat = {
    "老位子！你们还记得？……去年6月我就坐在那儿。",
    "（眼睛一亮）老位子，老位子！",
    "靠窗那个？你们连这都记得！",
  },
  seat_taken = {
    "哦，靠窗那边有人了啊……（望向第二个窗口）我去年就坐那儿。",
    "有人了？……那是我去年坐的位子。",
  },
  seat_taken_known = "老位子有人了啊……不过你们还记得我坐那儿，这倒难得。",
  twist = {
    "……咦，那边好像坐着人？",
    "（望向第二个窗口）哦，那儿有人了。",
  },
  twist_pending = {
    "那我……先站在这儿等？",
    "那个位子什么时候能空出来？",
  },
  seat_done = {
    "好，那我先坐这边，等那边空了再过去。你想得真周到。",
    "行，不着急，我先坐着。你替我留着就好。",
  },
  menu = {
    "老菜单，就要老菜单！你们连我去年吃什么都记得？",
    "对对，三明治、咖啡、一个鸡蛋。老菜单！",
    "老菜单！一个三明治、一杯咖啡、一个鸡蛋，一样不差。",
  },
  menu_generic = "吃什么？……你们不记得我上次吃什么了？",
  gift = {
    dish = "哦？这是什么小菜？我第一次见。……谢谢，你们太客气了。",
    coffee = "先给我上咖啡？好，好，正想喝一杯。",
    other = "你们太客气了。",
  },
  thank = { "我才要谢谢你们。", "哪里，住你们这儿是享受。" },
  prompt = {
    named = "（他看着你）你们这儿……还记得我吗？我去年来过。",
    seat = { "我去年坐的那个靠窗的位子，今天还能坐吗？" },
    seat_again = { "我刚说了，去年靠第二个窗口那个位子。", "靠窗，第二个窗口。你们没有记录吗？" },
    menu = "（坐下，翻开菜单）……我去年吃的什么来着？",
    thank = "这次出差本来可以住别家的，还是想回这儿。",
  },
  offtopic = { "……嗯？", "（他笑了笑，没接话）" },
  idle = { "（他点点头）早。", "（他笑了笑，等着你带位）", "嗯。" },
  ending = {
    resolved = {
      "老位子，老菜单！……你们连我去年坐哪、吃什么都记得。下次来泰国，我还住东方，还要把朋友都带来。",
      "我住过那么多酒店，还是第一次被记得这么清楚。下次来曼谷，不用想了，就住这儿。",
    },
    lukewarm = "嗯，早餐不错。下次再说吧。",
    churned = {
      "算了，我去外面吃吧。下次来曼谷，我让秘书订别家。",
      "不用了，谢谢。（转身走向电梯）这次住完，下次换一家试试。",
      "（看了看表）我还是去外面随便吃点吧。下次来，住哪儿再说。",
    },
    escalated = {
      "麻烦请你们总经理过来一下。我住过这么多酒店，还没遇到过这样的。",
      "我想见一下你们的总经理。东方饭店不该是这样的。",
    },
  },
}

local W = {
  name = { "于先生" },
  wrongname = { "余先生", "俞先生", "鱼先生", "虞先生" },
  generic = {
    who = { "贵姓", "您的姓名", "请问您是", "怎么称呼", "您叫什么" },
    room = { "房间号", "房号", "几号房", "房卡", "请出示", "住店客人吗" },
    party = { "几位", "有预订", "有预约", "请问有什么可以帮", "有什么需要" },
    free = { "自助", "随便坐", "随意坐", "哪里都可以", "坐哪都行", "都可以坐",
             "自己找", "空位坐" },
  },
  seat = { "老位子", "第二个窗", "老地方", "上次的位子", "去年的位子",
           "原来的位子", "老座位", "常坐" },
  window = { "靠窗", "窗口", "窗边", "那个位子" },
  lead = { "带您过去", "这边请", "里面请", "我带您" },
  occupied = { "有客人", "有人", "坐着", "占", "还没用完", "快用完", "用完" },
  arrange = { "先坐", "旁边", "先带您", "稍候", "稍坐", "帮您留", "为您留", "给您留",
              "马上为您", "一空出来", "空出来", "亲自", "换过去", "请您过去" },
  menu_exact = { "老菜单", "老样子", "和上次一样", "跟上次一样", "跟去年一样",
                 "和去年一样", "上次那样", "去年那样" },
  menu_items = { "三明治", "咖啡", "鸡蛋" },
  menu_generic = { "看一下菜单", "想吃点什么", "吃点什么", "要点什么", "点餐",
                   "需要点什么", "看看菜单" },
  rude = { "你没看到", "你没看见", "没长眼", "规定就是规定", "跟你说了", "我说了",
           "听不懂", "你自己找", "自己看", "你到底要", "你想怎么样" },
  dish = { "小菜", "特色菜", "招牌" },
  coffee = { "咖啡", "茶" },
  gift = { "赠送", "送您", "免费", "先上一杯", "先给您上", "先送", "尝尝" },
  past = { "去年", "6月8", "六月八", "上次", "一年多" },
  topic = { "于先生", "早餐", "位子", "座位", "窗", "菜单", "咖啡", "三明治", "鸡蛋",
            "欢迎", "饭店", "光临", "早上好", "您好", "坐" },
}

local RUDE = { ["指责客户"] = true, ["质问/说教"] = true, ["争辩"] = true }

local function init(state)
  local m = state.memo
  if m.named == nil then
    m.named = false     -- called him 于先生
    m.seat = false      -- the old window seat was offered
    m.twist = false     -- he knows the seat is taken
    m.seat_done = false -- the wait was arranged personally
    m.menu = false      -- his usual breakfast was remembered
    m.asked_seat = false -- he had to ask for his seat himself
    m.rude, m.cold = 0, 0
  end
  return m
end

-- Rudeness makes him ask for the general manager; coldness makes him leave.
local function bad_end(state)
  local m = state.memo
  if m.rude > 0 and m.rude >= m.cold then
    return crm.vary(state, "end", L.ending.escalated), "escalated"
  end
  return crm.vary(state, "end", L.ending.churned), "churned"
end

-- True when the usual breakfast is named: "老菜单" or two of its three items.
local function remembers_menu(reply)
  return crm.mentions(reply, W.menu_exact) ~= nil or crm.count_mentions(reply, W.menu_items) >= 2
end

local function delighted(state)
  local m = state.memo
  return m.named and m.seat_done and m.menu and crm.all_done(state, REQUIRES)
end

return {
  id = "hotel-vip",
  title = "于先生：东方饭店的回头客",
  chapter = 7,
  kind = "vip",
  summary = "一位一年多没来的老客人下楼吃早餐。他不需要一套标准话术，他希望被认出来、被记住。",
  customer = {
    name = "于先生",
    profile = "常来泰国出差的商务客人，住过世界各地无数高级酒店。客气、讲究，第二次入住东方饭店，心里期待这里还像上次一样。",
  },
  brief = "你是泰国东方饭店早餐厅的服务员。早上7:40，楼层服务生刚来电话：1208房的于先生下楼用早餐了。\n"
    .. "客史记录：于先生，第二次入住，上次是一年多以前；去年6月8日在靠近第二个窗口的位子用早餐，"
    .. "点的是一个三明治、一杯咖啡、一个鸡蛋。\n"
    .. "今天靠第二个窗口的位子上有一对客人，领班说大约10分钟后用完；旁边靠窗还有空位。"
    .. "厨房今天有一道饭店特有的小菜，可以赠送。",
  opening = {
    "（走出电梯，朝餐厅门口走来）早上好。",
    "（一位穿浅色衬衫的先生走到餐厅门口，往里看了看）早啊，今天人不少嘛。",
    "（他冲你点点头）早上好，吃早餐。",
  },
  mood = 60,
  patience = 3,
  requires = REQUIRES,
  max_turns = 10,
  outcomes = {
    resolved = { label = "被认出、被记住，他说下次还住东方", score = 100 },
    escalated = { label = "他请总经理过来", score = 10 },
    churned = { label = "他去外面吃，下次订别家", score = 0 },
    unresolved = { label = "早餐还行，但他没被打动", score = 40 },
  },

  hints = function(state)
    local m = state.memo
    if not m.named then
      return "楼上刚来电话：叫出他的姓——“于先生，早上好，欢迎您再次光临”。别问他贵姓、房号、几位。"
    end
    if not m.seat then
      return "主动提他去年的老位子：靠近第二个窗口。问一句“还坐老位子吗？”"
    end
    if m.twist and not m.seat_done then
      return "老位子暂时有人：先道歉，说明大约10分钟，亲自请他在旁边靠窗的位子稍坐并帮他留着，可以先送一杯咖啡。"
    end
    if not m.menu then
      return "说出他的老菜单：一个三明治、一杯咖啡、一个鸡蛋，问他是不是还要老菜单。"
    end
    return crm.hint(state, REQUIRES, {
      acknowledge = "让他知道你记得他：提一提他去年6月来过。",
      ask = "用提问的方式请他确认：老位子？老菜单？",
      apologize = "位子让他等了，要道歉。",
      own = "亲自为他安排，说“我来为您安排”。",
      thank = "感谢他再次选择东方饭店。",
    }, "可以送上饭店特有的小菜，介绍时记得先后退两步。")
  end,

  on_reply = function(state, reply)
    local m = init(state)
    local out = {}
    local live = not reply.empty and not reply.repeated

    -- 1. tone
    local line, kind, worst = crm.react(state, reply, L.react)
    local new = crm.credit(state, reply)
    local rude = live and crm.mentions(reply, W.rude)
    if kind == "forbidden" then
      if RUDE[worst.category] or rude then m.rude = m.rude + 1 else m.cold = m.cold + 1 end
      if rude and not RUDE[worst.category] then
        line = crm.vary(state, "forbidden", L.react.forbidden["争辩"])
      end
    elseif rude then
      -- rudeness the grader did not list: he hears it all the same
      m.rude = m.rude + 1
      crm.penalize(state, -12, 1)
      line = crm.vary(state, "forbidden", L.react.forbidden["质问/说教"])
    end
    if kind ~= "empathy" and line then out[#out + 1] = line end
    if crm.exhausted(state) or state.mood <= 10 then return crm.finish(out, bad_end(state)) end
    if kind == "empty" or kind == "repeated" then return table.concat(out) end

    -- 2. recognised? (his name, or his name wrong)
    local progress = #new > 0
    if not m.named and crm.mentions(reply, W.name) then
      m.named = true
      crm.mark(state, "acknowledge")
      progress = true
      if m.cold == 0 then
        crm.adjust(state, 12)
        out[#out + 1] = crm.vary(state, "named", L.named)
      else
        -- named only after asking him who he is: no surprise left
        crm.adjust(state, 6)
        out[#out + 1] = crm.vary(state, "named", L.named_late)
      end
    elseif crm.mentions(reply, W.wrongname) and crm.once(state, "wrongname") then
      crm.adjust(state, -6)
      out[#out + 1] = L.wrongname
    end
    if live and crm.mentions(reply, W.past) and (m.named or crm.mentions(reply, W.name)) then
      crm.mark(state, "acknowledge")
    end

    -- 3. the standard script, asked of a guest they should know
    local generic
    for _, g in ipairs({ "who", "room", "party", "free" }) do
      if live and not generic and crm.mentions(reply, W.generic[g]) then generic = g end
    end
    if generic then
      m.cold = m.cold + 1
      if m.named and generic ~= "free" then
        crm.adjust(state, -5)
        out[#out + 1] = L.generic_named
      else
        crm.penalize(state, -10, 1)
        if kind ~= "forbidden" then
          out[#out + 1] = crm.vary(state, "generic", L.generic[generic])
        end
        if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
      end
    end

    -- 4. the old window seat, which today is taken for about ten minutes
    -- his own seat: named as his, or a window seat once they know who he is
    local seat_now = live and kind ~= "forbidden" and (crm.mentions(reply, W.seat)
      or ((m.named or m.asked_seat) and crm.mentions(reply, W.window)))
    local leads = live and m.asked_seat and crm.mentions(reply, W.lead)
    local told = live and seat_now and crm.mentions(reply, W.occupied)
    if (seat_now or leads) and not m.seat then
      m.seat = true
      progress = true
      crm.adjust(state, m.asked_seat and 4 or 10)
      if crm.is_question(reply) then crm.mark(state, "ask") end
      if told and crm.mentions(reply, W.seat) then
        out[#out + 1] = L.seat_taken_known
      elseif told then
        out[#out + 1] = crm.vary(state, "seat", L.seat_taken)
      elseif not m.asked_seat then
        out[#out + 1] = crm.vary(state, "seat", L.seat)
      end
    end
    if m.seat and not m.twist then
      m.twist = true
      m.twist_turn = state.turn
      if not told then out[#out + 1] = crm.vary(state, "twist", L.twist) end
    end
    if m.twist and not m.seat_done then
      local arranged = crm.said(reply, "own") or crm.mentions(reply, W.arrange)
      local sorry = (state.steps.apologize or -1) >= m.twist_turn
      if arranged and sorry then
        m.seat_done = true
        crm.mark(state, "own")
        crm.adjust(state, 10)
        out[#out + 1] = crm.vary(state, "seat_done", L.seat_done)
        progress = true
      elseif arranged then
        crm.adjust(state, 4)
        progress = true
      elseif state.turn > m.twist_turn and kind ~= "forbidden" then
        crm.adjust(state, -4)
        out[#out + 1] = crm.vary(state, "pending", L.twist_pending)
      end
    end

    -- 5. his usual breakfast
    if live and not m.menu and remembers_menu(reply) then
      m.menu = true
      progress = true
      crm.adjust(state, 12)
      if crm.is_question(reply) then crm.mark(state, "ask") end
      crm.mark(state, "acknowledge")
      out[#out + 1] = crm.vary(state, "menu", L.menu)
    elseif live and not m.menu and crm.mentions(reply, W.menu_generic) and crm.once(state, "menu_generic") then
      crm.adjust(state, -5)
      out[#out + 1] = L.menu_generic
    end

    -- 6. the little extras
    -- a dish of the house or a coffee while he waits: each one is noticed once
    if live and (crm.mentions(reply, W.gift) or crm.mentions(reply, W.dish)) then
      local what = crm.mentions(reply, W.dish) and "dish"
                   or crm.mentions(reply, W.coffee) and "coffee" or "other"
      if crm.once(state, "gift-" .. what) then
        crm.mark(state, "compensate")
        crm.adjust(state, 8)
        out[#out + 1] = L.gift[what]
        progress = true
      end
    end
    if crm.has(new, "apologize") then crm.adjust(state, 4) end
    if crm.has(new, "thank") then
      crm.adjust(state, 4)
      if #out == 0 then out[#out + 1] = crm.vary(state, "thank", L.thank) end
    end
    if crm.has(new, "deadline") or crm.has(new, "follow_up") then crm.adjust(state, 3) end
    if kind == "empathy" and #out == 0 then out[#out + 1] = line end

    -- 7. delighted?
    if delighted(state) then
      if state.mood >= 70 then
        return crm.finish(out, crm.vary(state, "end", L.ending.resolved), "resolved")
      end
      -- everything done, but after a cold start: fine, not memorable
      return crm.finish(out, L.ending.lukewarm, "unresolved")
    end

    -- 8. off topic, or nothing for him: he nudges
    if not kind and not progress and crm.offtopic(reply, W.topic) then
      crm.penalize(state, -4, state.turn > 2 and 1 or 0)
      out[#out + 1] = crm.vary(state, "offtopic", L.offtopic)
      if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
    end
    if kind ~= "forbidden" and #out <= 1 then
      if not m.named and state.turn >= 2 and crm.once(state, "prompt_named") then
        crm.adjust(state, -4)
        out[#out + 1] = L.prompt.named
      elseif m.named and not m.seat and state.turn >= 2 then
        -- he asks for his seat himself, and again if nobody picks it up
        local say, insisted = crm.nag(state, "seat", L.prompt.seat, L.prompt.seat_again)
        crm.adjust(state, m.asked_seat and (insisted and -3 or 0) or -5)
        m.asked_seat = true
        out[#out + 1] = say
      elseif m.seat_done and not m.menu and crm.once(state, "prompt_menu") then
        crm.adjust(state, -3)
        out[#out + 1] = L.prompt.menu
      elseif m.menu and m.seat_done and not crm.done(state, "thank") and crm.once(state, "prompt_thank") then
        out[#out + 1] = L.prompt.thank
      end
    end
    if #out == 0 then out[1] = crm.vary(state, "idle", L.idle) end
    return table.concat(out)
  end,

  on_timeout = function(state)
    local m = state.memo
    if state.mood >= 60 and m.named then
      if delighted(state) then
        return crm.vary(state, "end", L.ending.resolved), "resolved"
      end
      return L.ending.lukewarm, "unresolved"
    end
    return crm.vary(state, "end", L.ending.churned), "churned"
  end,
  -- self-tests (crmsim test): the play-through scripts of tests/play/ with
  -- their seeds and ranges from tests/play/expect.txt, plus one test for each
  -- outcome those scripts do not reach.
  tests = {
    -- tests/play/hotel-vip-good.txt
    { name = "good",
      seed = 11,
      replies = {
        "于先生早上好！欢迎您再次光临东方饭店，楼上刚来电话说您下楼了。",
        "您去年6月8日是在靠近第二个窗口的位子用的早餐，今天还坐老位子吗？",
        "真不好意思，那个位子上的客人大约10分钟后用完。我亲自帮您留着，您先在旁边靠窗的位子稍坐，我先给您上一杯咖啡。",
        "还是老菜单吗？一个三明治、一杯咖啡、一个鸡蛋？",
        "这是我们饭店特有的小菜，送给您尝尝。谢谢您又选择我们，位子空出来我马上请您过去。",
      },
      outcome = "resolved", score = { 75, 100 },
      findings = { "apologize", "compensate", "thank" },
      absent = { "go-elsewhere" },
    },
    -- tests/play/hotel-vip-bad.txt
    { name = "bad",
      seed = 11,
      replies = {
        "早上好，请问有预订吗？",
        "靠窗的位子已经有人了，你没看到吗？",
        "我跟你说了没位子，规定就是规定，你自己找个空位坐。",
      },
      outcome = "escalated", score = { 0, 35 },
      findings = { "go-elsewhere" },
    },
    -- tests/play/hotel-vip-mixed.txt
    { name = "mixed",
      seed = 11,
      replies = {
        "早上好，欢迎光临！请问您几位？",
        "好的，请问您的房间号是多少？",
        "不好意思于先生，您请这边坐，这是我们的早餐菜单，您看想吃点什么。",
        "靠窗的位子现在有客人在用，您先坐这边可以吗？",
        "那边的客人什么时候吃完我也不清楚，您先点餐吧。",
      },
      outcome = "churned", score = { 30, 74 },
      findings = { "dont-know" },
    },
    { name = "unresolved (everything but a thank-you)",
      seed = 11,
      replies = {
        "于先生早上好！欢迎您再次光临东方饭店。",
        "您去年6月8日是在靠近第二个窗口的位子用的早餐，今天还坐老位子吗？",
        "真不好意思，那个位子上的客人大约10分钟后用完。我亲自帮您留着，您先在旁边靠窗的位子稍坐。",
        "还是老菜单吗？一个三明治、一杯咖啡、一个鸡蛋？",
        "好的，您的早餐马上就来。",
        "您的咖啡来了。",
        "三明治也好了，您慢用。",
        "鸡蛋马上到。",
        "窗边的位子空出来了，我带您过去。",
        "早餐还合口味吗？",
      },
      outcome = "unresolved", score = { 40, 74 },
      findings = { "apologize" },
      absent = { "thank" },
    },
    random = 20,
  },
}
