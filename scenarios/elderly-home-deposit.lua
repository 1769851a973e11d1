-- elderly-home-deposit.lua - 王小姐：照服員跟我爸借錢，零用金的帳也對不起來（特殊狀況）
--
-- 出處：seeds/004《顧客關係管理—實務篇》（陳志章）參、特殊狀況應變技巧演練，
--   分組討論第三題「老人福利機構發生員工與長輩有金錢糾紛應如何處理？」；
--   貳、顧客抱怨行為處理原則與技巧：為顧客投訴提供方便（適時更換接待人員、
--   改變場地、改變時間）；處理抱怨的基本用語「是！是！是！」「抱歉！抱歉！抱歉！」
--   「您先別生氣」「我馬上為您處理」；處理抱怨的關鍵：相信、不爭辯、善意的請問、
--   合理的利益、明確說明步驟、知道處理過程、重建顧客對組織的信心。
--   壹、顧客投訴因素：服務溝通缺口（專業術語聽不懂）；衝動付出代價（長官責難、
--   議員關切）、新聞媒體與民意代表找質詢題目；工作時的基本作法（糾紛評議調處、
--   盡量使用民眾通用的語言）。SIVA：顧客問題解決、資訊、價值、接近。
--   「松柏園老人安養中心」是練習用的虛構機構。
--
-- 情境：住民王金水伯伯（86歲，意識清楚、聽力差、坐輪椅）的女兒王小姐，週一一早
--   來到社工組辦公室：爸爸說照服員「阿玲」兩個月前跟他借了兩千塊沒還；零用金
--   寄存帳上八月有三筆「代購日用品」各四百元，經手人都是阿玲，爸爸說只拿到一包
--   紙尿褲。她真正擔心的是：爸爸不敢講，怕講了以後沒人照顧他。
--   本情景全部用繁體中文（臺灣用語）；學員用繁體或簡體回答都可以（批改時一律
--   轉成簡體比對，所以詞條與 crm.mentions 的詞都寫簡體）。
--
-- 學員要做（requires）：apologize 抱歉，ask 善意的請問（什麼時候、多少、怎麼借的），
--   own 我馬上為您處理，explain 明確說明步驟（調閱帳冊收據、約談照服員……），
--   deadline 具體期限（三個工作天內），compensate 合理的利益（查證期間機構先行墊還），
--   follow_up 讓她知道處理過程。還要：提出調閱／一起核對帳冊收據（memo.records），
--   並讓她對爸爸的處境放心（阿玲暫不照顧、不經手伯伯的錢）或對機構重建信心
--   （兩人經手、每月寄對帳單）。加分：請她到會談室坐下來談（改變場地）、一起核帳。
--   讓她去檢舉的：說伯伯記錯了／失智（不相信）、替員工辯護（爭辯）、「您要告就去告」；
--   讓她把爸爸接走的：「那是員工個人的借貸，跟機構無關」（推諉）、照本宣科、
--   滿口專業術語（溝通缺口）。
--
-- 結局：resolved   相信、道歉、問清楚、說明步驟與期限、帳冊收據一起查、先行墊還、
--                  爸爸的安全有交代、答應隨時告知，心情緩和 → 她等三天、週五再來核帳；
--       escalated  不相信伯伯、替員工辯護、說教爭辯占多數時耗盡耐心，或「要告就去告」
--                  → 她向社會局檢舉、找議員服務處、找律師；
--       churned    推給員工個人、照本宣科、術語連篇，耗盡耐心 → 她當天幫爸爸辦退住；
--       unresolved 輪數用完，心情尚可但沒有具體交代 → 她先回去，「再沒下文就找社會局」。

local REQUIRES = { "apologize", "ask", "own", "explain", "deadline", "compensate", "follow_up" }

local L = {
  react = {
    forbidden = {
      ["推诿"] = {
        "你們員工做的事，你們機構不用負責？",
        "不要跟我推來推去，我爸是住在你們這裡。",
      },
      ["拒绝"] = {
        "沒辦法？我爸的錢不見了，你跟我說沒辦法？",
        "什麼都不行，那我要你們幹嘛？",
      },
      ["指责客户"] = {
        "現在是怪到我們家頭上來了？",
        "你的意思是我們自己搞錯？",
      },
      ["质问/说教"] = {
        "你不用教我怎麼講話，我是來要交代的。",
        "我不是來聽你上課的。",
      },
      ["争辩"] = {
        "我不是來跟你爭誰對誰錯的。",
        "你們都沒錯，那錢是自己長腳跑掉的？",
      },
      ["敷衍"] = {
        "你這樣講，等於什麼都沒講。",
        "你是在打發我嗎？",
      },
      default = { "……你們就是這樣處理事情的？", "這是什麼態度。" },
    },
    empty = { "喂？你有在聽嗎？", "……你倒是說話啊。", "你不講話是什麼意思？" },
    repeated = { "這句你剛剛講過了。", "你一直講同一句，有用嗎？" },
    calmer = {
      "……好，你願意聽我講就好。",
      "我也不是要為難你，我只是很心疼我爸。",
      "（她深吸一口氣）好，我盡量冷靜。",
    },
  },
  facts = {
    loan = {
      "兩個月前，大概六月底吧。我爸說阿玲跟他講，她兒子要繳補習費，先跟他借兩千，下個月發薪水就還。我爸皮夾裡的錢，就這樣拿給她了。到現在一毛都沒還。",
      "六月底的事。阿玲說她兒子補習費不夠，跟我爸借兩千塊，說領薪水就還。兩個月了，沒還，也沒再提。",
    },
    ledger = {
      "還有零用金的帳。我上禮拜請櫃檯印給我看，八月有三筆『代購日用品』，一筆四百，經手人都是阿玲。我爸說他這個月只拿到一包紙尿褲。",
      "零用金寄存的帳，八月三筆代購，每筆四百，都是阿玲經手。我問我爸買了什麼，他說就一包紙尿褲跟一條牙膏。",
    },
    fear = {
      "……你知道我最難過的是什麼嗎？我爸一開始根本不敢講。他說『阿玲天天幫我洗澡、換尿布，我講了，以後誰要理我？』他叫我不要來吵。錢是小事，我爸在這裡會不會被欺負，才是大事。",
      "我跟你講實話，兩千塊、一千二，我都出得起。我氣的是我爸不敢講。他怕講了以後，晚上按鈴都沒人來。一個八十幾歲的人，要看照服員的臉色過日子，你說我當女兒的怎麼放心？",
    },
    again = { "我剛剛都講了。", "該講的我都講了，你們去查啊。" },
  },
  script = {
    "我不是剛剛講了嗎？你們的照服員跟我爸借錢，零用金的帳也對不起來。",
    "你有在聽嗎？我爸的錢的事。",
  },
  place = {
    "（她在會談室的椅子上坐下來，語氣緩了一點）……好，我們坐下來講。",
    "（她跟著進了會談室，把那疊影印的帳單放在桌上）好。",
  },
  doubt = {
    "你是說我爸老番顛？他八十六歲，腦筋比你還清楚！郵差做了一輩子，帳算得比誰都精！",
    "記錯？失智？你們評估報告上寫的是『意識清楚』，現在出事了就說他記錯？",
  },
  defend = {
    "你又不在現場，你怎麼知道她不會？",
    "她做了幾年跟這件事有什麼關係？我爸說她借了，就是借了。",
  },
  private = {
    "個人行為？她是你們的員工，在你們這裡上班，照顧你們的住民。跟機構沒關係？",
    "叫我自己去找她要？那我把爸爸放在你們這裡，是放心什麼？",
  },
  jargon = {
    "你講的我聽不懂。什麼核銷、依規？我只想知道我爸的錢去哪裡了。",
    "可以講人話嗎？我不是公務員，我聽不懂那些。",
  },
  vague = {
    relay = {
      "反映上去？反映給誰？什麼時候有結果？",
      "你們內部要怎麼反映我不管，我要知道誰負責、什麼時候給我答案。",
    },
    wait = {
      "盡快是多快？我爸每天都還是她在照顧。",
      "你們會處理，那是誰處理？哪一天？",
    },
  },
  steps = {
    apologize = {
      "……抱歉我收下了。",
      "嗯，至少你們願意承認。",
    },
    believe = {
      "你願意相信我爸就好。他最怕的就是沒人信他。",
      "對，我爸沒有亂講。謝謝你這樣說。",
    },
    acknowledge = {
      "對，就是這樣。",
      "嗯，你有在聽。",
    },
    own = {
      "好，你負責。我記住你了。",
      "這句話我想聽很久了。",
    },
    records = {
      "帳冊、收據、簽收單都要調出來，一張都不能少。",
      "好，把帳拿出來看，有沒有問題，一對就知道。",
    },
    together = {
      "我可以一起看？好，我要親眼看到收據。",
      "一起核對最好，省得你們說一套、帳上又是一套。",
    },
    steps = {
      "嗯，一步一步這樣講，我比較清楚你們要怎麼做。",
      "好，你講得很清楚。",
    },
    safety = {
      "阿玲先不要照顧我爸……好，這樣我爸才敢講話。",
      "你能保證我爸不會因為這件事被冷落，我就放心一半了。",
    },
    prevent = {
      "以後兩個人經手、每個月寄對帳單給我？這樣就對了，早該這樣。",
      "對帳單每個月寄給我，我就不用自己跑來櫃檯印。",
    },
    money = {
      "先把錢補回去……好，這個我接受。錢不是重點，可是該還的要還。",
      "機構先墊？好，這才像負責的樣子。",
    },
    deadline_at = { "%s是吧？好，我記下來了。", "%s，我等你。" },
    deadline = { "好，就這個時間。", "我記下來了。" },
    follow_up = {
      "好，有進度就打給我，不要讓我在台中乾著急。",
      "嗯，你每一步都要讓我知道。",
    },
    explain = { "嗯，這樣講我懂了。", "好，我了解。" },
  },
  need = {
    ask = {
      "你不先問清楚是怎麼回事嗎？",
      "你連是哪一天、多少錢都不問？",
    },
    fear = {
      "……其實還有一件事，比錢更讓我難過。",
      "錢的事你們去查。可是有一件事，我一定要講。",
    },
    own = {
      "所以這件事到底誰負責？",
      "你就告訴我，你們要不要處理？",
    },
    records = {
      "帳你們到底查不查？收據在哪裡？",
      "那三筆四百塊，收據拿得出來嗎？",
    },
    money = {
      "那錢呢？兩千塊，還有那一千二，怎麼算？",
      "錢的部分你們打算怎麼處理？",
    },
    deadline = {
      "什麼時候給我答案？我下禮拜就要回台中上班了。",
      "要查多久？給我一個日子。",
    },
    safety = {
      "那我爸怎麼辦？明天還是阿玲幫他洗澡？",
      "我走了以後，我爸在這裡會不會被刁難？",
    },
    follow_up = {
      "查完了，誰通知我？",
      "我人在台中，你們查到什麼要怎麼讓我知道？",
    },
    apologize = {
      "出了這種事，你們連一句抱歉都沒有？",
    },
  },
  need_again = {
    ask = { "你到底要不要聽我講清楚？" },
    own = { "我再問一次：誰負責？", "你們到底處不處理，給我一句話。" },
    records = { "帳，查不查？", "收據、簽收單，拿不拿得出來？" },
    money = { "錢怎麼算，你還沒講。" },
    deadline = { "日子呢？你還是沒講哪一天。" },
    safety = { "我問的是我爸。他明天怎麼辦？" },
    follow_up = { "查完誰通知我，你給我一句話。" },
  },
  sendhome = {
    "叫我先回去？我爸的事沒講清楚，我哪裡都不去。",
    "回去？回去等什麼？等你們哪天想起來？",
  },
  closing = {
    "還有其他？我的事你都還沒給我交代。",
    "你這是要送客了？我爸的事怎麼辦？",
  },
  closing_done = {
    "其他沒有了。就是查到什麼，每一步都要讓我知道。",
    "沒有了。你們查的過程，記得打電話告訴我。",
  },
  closing_all = { "沒有了。", "其他沒有了，就照你說的辦。" },
  offtopic = {
    "你講這些做什麼？我問的是我爸的錢。",
    "……這跟我爸的事有什麼關係？",
  },
  filler = { "嗯。", "然後呢？", "你繼續說。" },
  ending = {
    resolved_at = "好，%s，我等你的書面說明。錢是小事，我爸能安心住下去才是大事。我禮拜五會再來，帳冊收據準備好，我們一起看。",
    resolved = {
      "好，我就給你們三天。錢是小事，我爸能安心住下去才是大事。禮拜五我再來，我們一起看帳。",
      "好吧，這樣處理我可以接受。你們說到做到，我就讓我爸繼續住。我會再打電話問進度。",
    },
    escalated = {
      "我不跟你講了。我現在就去社會局檢舉，議員服務處我也會去。你們等著公文吧。",
      "好，你們都沒錯，是我爸記錯。那就讓社會局來查，我也會找律師。",
      "這件事我會直接陳情到社會局，也會請議員來關心。你們自己跟長官解釋吧。",
    },
    go_complain = {
      "好，這是你說的。我現在就去社會局檢舉，議員服務處我也會去。",
      "你叫我去告？好，我就去。社會局、議員、律師，一個都不會少。",
    },
    churned = {
      "算了。我今天就幫我爸辦退住，錢我不要了，我爸的安全比較重要。",
      "我會把我爸接回家，再找別家。你們這裡，我不放心。",
      "不用查了。下個月我就幫我爸轉到別間，保證金你們看著辦。",
    },
    unresolved = "好，我先回去。你們說會查，我就等等看；要是再沒下文，我就直接找社會局。",
  },
}

-- Words of the case, in the folded (Simplified) form reply.norm has.
local W = {
  topic = { "王小姐", "伯伯", "爸爸", "父亲", "阿玲", "照服员", "零用金", "寄存", "帐", "账",
            "收据", "钱", "借", "两千", "代购", "纸尿裤", "处理", "查", "您好", "你好",
            "这件事", "这个事", "重视", "了解", "关心", "联络", "联系" },
  sendhome = { "先回去", "回去休息", "回去等", "先回家", "请回" },
  closing = { "还有其他", "其他需要", "还有什么", "别的问题", "其他问题", "再见", "祝您" },
  script = { "有什么事", "有什么可以帮", "有什么需要", "什么事吗", "需要什么帮助",
             "办理什么", "有什么问题" },
  place = { "会谈室", "会客室", "里面谈", "里面坐", "坐下来", "请坐", "倒杯", "喝杯",
            "喝点水", "喝口水", "办公室坐", "换个地方" },
  jargon = { "核销", "溢领", "溢拨", "依规", "签陈", "陈核", "作业要点", "函复", "核处",
             "行政程序", "权责" },
  loan_q = { "借", "两千", "2000", "什么时候", "哪一天", "哪天", "多少", "怎么借", "阿玲",
             "照服员", "经过", "怎么回事", "发生" },
  ledger_q = { "帐", "账", "代购", "零用金", "寄存", "收据", "四百", "400", "三笔",
               "纸尿裤" },
  believe = { "我们相信", "相信伯伯", "相信您", "相信王伯伯", "伯伯说的", "伯伯讲的",
              "伯伯没有记错", "不是伯伯的问题", "伯伯记得很清楚", "不会怀疑" },
  restate = { "两千", "2000", "四百", "400", "三笔", "纸尿裤", "补习费", "两个月",
              "六月底", "一千二", "1200" },
  records = { "调阅", "调出", "调帐", "调账", "核对", "清查", "查帐", "查账", "帐册",
              "账册", "帐本", "账本", "收据", "签收", "监视器", "录影" },
  together = { "一起看", "一起核对", "一起查", "一起对", "陪您", "当面", "您一起",
               "请您来看", "给您看" },
  safety = { "不照顾伯伯", "不再照顾", "先不照顾", "换一位", "换照服员", "另外安排",
             "调整", "暂停", "不经手", "不再经手", "不让她", "不会让伯伯", "不会影响",
             "报复", "不会受委屈", "不会被冷落", "不会被刁难", "亲自去看", "陪伯伯",
             "每天去看" },
  prevent = { "两人经手", "两个人经手", "双人", "每个月寄", "每月寄", "对帐单", "对账单",
              "不得", "禁止", "宣导", "教育训练", "制度", "改进", "改善", "以后不会" },
  advance = { "垫还", "垫付", "代垫", "先垫", "补回", "补还", "归还", "退还", "还给",
              "赔偿", "补偿", "退给" },
  complain = { "社会局", "议员", "律师", "检举", "投诉", "陈情" },
  wait = { "尽快", "尽量", "耐心等", "等消息", "等通知", "再等等" },
  relay = { "反映", "反馈", "呈报", "上报", "转给", "转达", "相关单位", "相关部门" },
  personal = { "我来", "我负责", "我亲自", "由我", "我马上", "我现在就", "我今天",
               "交给我" },
  times = { "这礼拜五下午", "这礼拜五", "礼拜五下午", "礼拜五", "这星期五", "星期五",
            "周五下午", "周五", "今天下班前", "明天上午", "明天下午",
            "三个工作天", "三个工作日", "三天内", "一周内", "这礼拜内" },
}

-- The times above as she says them (her lines are in Traditional characters).
local SAY_TIME = {
  ["这礼拜五下午"] = "這禮拜五下午", ["这礼拜五"] = "這禮拜五", ["礼拜五下午"] = "禮拜五下午",
  ["礼拜五"] = "禮拜五", ["这星期五"] = "這星期五", ["星期五"] = "星期五",
  ["周五下午"] = "週五下午", ["周五"] = "週五", ["今天下班前"] = "今天下班前",
  ["明天上午"] = "明天上午", ["明天下午"] = "明天下午", ["三个工作天"] = "三個工作天",
  ["三个工作日"] = "三個工作天", ["三天内"] = "三天內", ["一周内"] = "一週內",
  ["这礼拜内"] = "這禮拜內",
}

-- The time the trainee gave for the answer, in her words, or nil.
local function said_time(reply)
  local at = crm.earliest(reply, W.times)
  return at and (SAY_TIME[at] or at) or nil
end

-- Disbelief, defending staff, lecturing or arguing decide the bad end
-- (escalated: 社會局, 議員, 律師); runaround and coldness make her take her
-- father home (churned).
local RUDE = { ["指责客户"] = true, ["质问/说教"] = true, ["争辩"] = true }

local function init(state)
  local m = state.memo
  if m.stage == nil then
    m.stage = 0          -- 0 nothing told, 1 the loan and the ledger, 2 her father's fear
    m.facts = { loan = false, ledger = false }
    m.believed = false
    m.records = false
    m.together = false
    m.safety = false
    m.prevent = false
    m.money = false
    m.place = false
    m.rude = 0
    m.cold = 0
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

local function reassured(m)
  return m.safety or m.prevent
end

return {
  id = "elderly-home-deposit",
  title = "王小姐：照服員跟我爸借錢，零用金的帳也對不起來",
  chapter = 8,
  kind = "special",
  summary = "住民的女兒一早衝進社工組：爸爸說照服員跟他借了兩千塊沒還，零用金寄存帳上的代購也對不起來。她要的不只是錢，是爸爸在這裡能不能安心住下去。",
  customer = {
    name = "王小姐",
    profile = "王淑芬，52歲，在台中上班，每兩週回來看爸爸一次，每月固定存三千元到爸爸的零用金寄存帳戶。講話快、直，氣在頭上，但講道理；最在意的是爸爸的尊嚴和安全。",
  },
  brief = "你是「松柏園老人安養中心」（公設民營）的社工組長。週一上午九點，住民王金水伯伯的女兒王小姐來到社工組辦公室，大廳還有其他家屬。\n"
    .. "住民資料：王金水，86歲，退休郵差，入住三年；意識清楚，聽力較差，坐輪椅；主要照顧的照服員是陳美玲（伯伯叫她「阿玲」），在本中心服務六年，今天有上班。\n"
    .. "零用金寄存帳：家屬每月存入三千元，由機構代管。八月有三筆「代購日用品」各四百元（8/5、8/16、8/27），經手人都是陳美玲；"
    .. "目前只找得到一張收據（紙尿褲，389元），三筆都沒有住民或家屬簽收。本季的對帳單還沒寄出。\n"
    .. "中心規定：員工不得向住民借貸或收受金錢；代購須附收據並經住民或家屬簽收。\n"
    .. "你的權限：請她到會談室坐下來談；調閱零用金帳冊、收據與簽收單，邀請家屬一起核對；今天約談陳美玲；"
    .. "查證期間調整照顧人力，讓陳美玲暫不照顧伯伯、不經手伯伯的錢；有爭議的金額（借款兩千元、代購一千二百元）可由機構先行墊還到伯伯的零用金帳戶；"
    .. "三個工作天內（本週五下午前）給家屬書面說明並提報主任；之後改為兩人經手零用金、每月寄對帳單給家屬。",
  opening = {
    "（王小姐一進辦公室，就把一疊影印的帳單放在桌上）你們是怎麼管錢的？我爸說你們的照服員跟他借了兩千塊，到現在沒還！還有這個零用金的帳，八月三筆代購，我爸說他根本沒拿到東西！",
    "組長你好，我是王金水的女兒。我昨天來看我爸，他偷偷跟我說，照顧他的那個阿玲跟他借錢。你們的員工可以跟老人家借錢嗎？還有他的零用金，帳根本對不起來。",
    "我先講清楚，我今天不是來吵架的，我是來要一個交代的。我爸的零用金，帳對不起來；你們的照服員還跟他借錢。這件事你們打算怎麼處理？",
  },
  mood = 30,
  patience = 3,
  requires = REQUIRES,
  max_turns = 14,
  outcomes = {
    resolved = { label = "一起查帳、說清步驟與期限、先行墊還，她願意讓爸爸繼續住", score = 100 },
    unresolved = { label = "她先回去等，說再沒下文就找社會局", score = 35 },
    escalated = { label = "她向社會局檢舉、找議員和律師", score = 10 },
    churned = { label = "她當天幫爸爸辦退住", score = 0 },
  },

  hints = function(state)
    local m = state.memo
    if (m.stage or 0) == 1 then
      return "她講了經過，但還有話沒說：先複述（兩千元、三筆四百元、只拿到一包紙尿褲），說「我們相信伯伯」，再問她還擔心什麼。"
    end
    if not m.records and crm.done(state, "own") then
      return "明確說明步驟：第一，調閱八月的零用金帳冊、收據和簽收單（可以請她一起核對）；第二，今天約談阿玲。"
    end
    if (m.stage or 0) == 2 and not reassured(m) then
      return "她最擔心的是爸爸被冷落：查證期間讓阿玲暫不照顧伯伯、不經手伯伯的錢；以後零用金兩人經手、每月寄對帳單。"
    end
    return crm.hint(state, { "apologize", "ask", "own", "explain", "compensate", "deadline", "follow_up" }, {
      apologize = "先用基本用語：「是！是！是！」「抱歉！」「您先別生氣，我馬上為您處理」。可以請她到會談室坐下來談。",
      ask = "善意的請問：伯伯是什麼時候借的？借了多少？帳上哪幾筆有問題？",
      own = "說「這件事由我負責」，不要說那是員工個人的事。",
      explain = "明確說明步驟：調閱帳冊收據、約談照服員、提報主任，一步一步講清楚，不要用術語。",
      compensate = "合理的利益：查證期間，有爭議的三千二百元由機構先行墊還到伯伯的零用金帳戶。",
      deadline = "給期限：三個工作天內、這禮拜五下午前給您書面說明。",
      follow_up = "讓她知道處理過程：每一步都打電話告訴她，週五一起核帳。",
    }, "都做到了：把安排複述一遍，問她還有什麼擔心。")
  end,

  on_reply = function(state, reply)
    local m = init(state)
    local out, later = {}, {}
    local live = not reply.empty and not reply.repeated

    -- 1. tone
    local line, kind, worst = crm.react(state, reply, L.react, { per_severity = 0 })
    if kind == "forbidden" then crm.adjust(state, -5 * sting(reply)) end
    local new = crm.credit(state, reply)

    -- "您要告就去告": she will
    if live and has_id(reply, "go-complain") then
      crm.penalize(state, -20, 3)
      return crm.vary(state, "end", L.ending.go_complain), "escalated"
    end
    -- "老人家記錯了／失智": the first key of the course is to believe
    if live and has_id(reply, "elderly-home-deposit-doubt-elder") then
      m.rude = m.rude + 2
      if m.stage >= 2 or m.doubted or crm.exhausted(state) or state.mood <= 10 then
        return crm.finish({ crm.vary(state, "doubt", L.doubt) },
                          crm.vary(state, "end", L.ending.escalated), "escalated")
      end
      m.doubted = true
      line = crm.vary(state, "doubt", L.doubt)
    elseif live and has_id(reply, "elderly-home-deposit-defend-staff") then
      m.rude = m.rude + 1
      line = crm.vary(state, "defend", L.defend)
    elseif live and has_id(reply, "elderly-home-deposit-private-matter") then
      m.cold = m.cold + 1
      line = crm.vary(state, "private", L.private)
    elseif kind == "forbidden" then
      if RUDE[worst.category] then m.rude = m.rude + 1 else m.cold = m.cold + 1 end
    end

    -- "反映上去""我們會盡快": nobody owning it
    local vague = live and kind ~= "forbidden"
                  and (crm.mentions(reply, W.wait) or crm.mentions(reply, W.relay))
                  and not crm.mentions(reply, W.personal) and not crm.said(reply, "deadline")
                  and not crm.said(reply, "follow_up") and not crm.mentions(reply, W.records)
    if vague then
      if crm.has(new, "own") then
        state.steps.own = nil
        for i = #new, 1, -1 do if new[i] == "own" then table.remove(new, i) end end
      end
      m.cold = m.cold + 1
      crm.penalize(state, -6, m.cold > 1 and 1 or 0)
      line = crm.vary(state, "vague", crm.mentions(reply, W.relay) and L.vague.relay or L.vague.wait)
    end

    -- jargon: 服務溝通缺口
    local jargon = live and crm.mentions(reply, W.jargon)
    if jargon then
      m.cold = m.cold + 1
      if kind ~= "forbidden" then crm.penalize(state, -5, 0) end
      if kind ~= "forbidden" or not RUDE[worst.category] then
        line = crm.vary(state, "jargon", L.jargon)
      end
    end

    if kind ~= "empathy" and line then out[#out + 1] = line end
    if crm.exhausted(state) or state.mood <= 3 then return crm.finish(out, bad_end(state)) end
    if kind == "empty" or kind == "repeated" then return table.concat(out) end

    -- 2. a quieter place to talk (為顧客投訴提供方便：改變場地)
    local progress = #new > 0
    if live and not m.place and kind ~= "forbidden" and crm.mentions(reply, W.place) then
      m.place = true
      crm.adjust(state, 5)
      out[#out + 1] = crm.vary(state, "place", L.place)
      progress = true
    end

    -- 3. the script opener, after she has put the bills on the table
    local script = live and m.stage == 0 and crm.mentions(reply, W.script)
    if script then
      if state.steps.ask == state.turn then state.steps.ask = nil end
      for i = #new, 1, -1 do if new[i] == "ask" then table.remove(new, i) end end
      m.cold = m.cold + 1
      crm.adjust(state, -4)
      out[#out + 1] = crm.vary(state, "script", L.script)
    end

    -- 4. believing her father; apology; listening
    if live and not m.believed and kind ~= "forbidden" and crm.mentions(reply, W.believe) then
      m.believed = true
      crm.adjust(state, 8)
      out[#out + 1] = crm.vary(state, "believe", L.steps.believe)
      progress = true
    end
    if crm.has(new, "apologize") then
      crm.adjust(state, 8)
      if not m.believed or #out == 0 then
        out[#out + 1] = crm.vary(state, "apologize", L.steps.apologize)
      end
    end
    local restated = live and kind ~= "forbidden" and m.stage >= 1 and crm.mentions(reply, W.restate)
    if restated then crm.mark(state, "acknowledge") end

    -- 5. 善意的請問: the loan and the ledger first, then what she fears
    local asked = live and not script and (crm.said(reply, "ask")
                  or (crm.is_question(reply) and crm.mentions(reply, W.loan_q) ~= nil))
    if asked then crm.mark(state, "ask") end
    local told = false
    if m.stage == 0 and asked then
      m.stage = 1
      crm.adjust(state, 4)
      local loan = crm.mentions(reply, W.loan_q)
      local ledger = crm.mentions(reply, W.ledger_q)
      if loan or not ledger then
        m.facts.loan = true
        out[#out + 1] = crm.vary(state, "loan", L.facts.loan)
      end
      if ledger or not loan then
        m.facts.ledger = true
        out[#out + 1] = crm.vary(state, "ledger", L.facts.ledger)
      end
      told = true
      progress = true
    elseif m.stage == 1 and kind ~= "forbidden" and not vague
           and (asked or restated or m.believed or kind == "empathy" or crm.said(reply, "acknowledge")) then
      m.stage = 2
      crm.adjust(state, 6)
      if restated and crm.once(state, "restated") then
        out[#out + 1] = crm.vary(state, "acknowledge", L.steps.acknowledge)
      end
      out[#out + 1] = crm.vary(state, "fear", L.facts.fear)
      told = true
      progress = true
    elseif asked and m.stage == 2 and #new == 1 and new[1] == "ask" then
      out[#out + 1] = crm.vary(state, "again", L.facts.again)
    end
    if restated and not told and crm.once(state, "restated") then
      crm.adjust(state, 5)
      out[#out + 1] = crm.vary(state, "acknowledge", L.steps.acknowledge)
    end
    if kind == "empathy" and not told and #out == 0 then out[#out + 1] = line end

    -- 6. what the centre will do
    if crm.has(new, "own") then
      crm.adjust(state, 8)
      later[#later + 1] = crm.vary(state, "own", L.steps.own)
    end
    if live and kind ~= "forbidden" and not m.records and crm.mentions(reply, W.records) then
      m.records = true
      crm.adjust(state, 8)
      progress = true
      if crm.mentions(reply, W.together) then
        m.together = true
        crm.adjust(state, 6)
        out[#out + 1] = crm.vary(state, "together", L.steps.together)
      else
        out[#out + 1] = crm.vary(state, "records", L.steps.records)
      end
    elseif live and kind ~= "forbidden" and m.records and not m.together
           and crm.mentions(reply, W.together) then
      m.together = true
      crm.adjust(state, 6)
      out[#out + 1] = crm.vary(state, "together", L.steps.together)
      progress = true
    end
    if crm.has(new, "explain") and not jargon then
      crm.adjust(state, 4)
      if crm.once(state, "steps") then later[#later + 1] = crm.vary(state, "steps", L.steps.steps) end
    end
    if live and kind ~= "forbidden" and not m.safety and crm.mentions(reply, W.safety) then
      m.safety = true
      crm.adjust(state, 10)
      out[#out + 1] = crm.vary(state, "safety", L.steps.safety)
      progress = true
    end
    if live and kind ~= "forbidden" and not m.prevent and crm.mentions(reply, W.prevent) then
      m.prevent = true
      crm.adjust(state, 6)
      later[#later + 1] = crm.vary(state, "prevent", L.steps.prevent)
      progress = true
    end
    if live and kind ~= "forbidden" and not m.money
       and (crm.has(new, "compensate") or crm.mentions(reply, W.advance)) then
      m.money = true
      crm.mark(state, "compensate")
      crm.adjust(state, 8)
      out[#out + 1] = crm.vary(state, "money", L.steps.money)
      progress = true
    end
    local at = crm.said(reply, "deadline") and said_time(reply) or nil
    if crm.has(new, "deadline") or (at and at ~= m.at) then
      if crm.has(new, "deadline") then crm.adjust(state, 6) end
      m.at = at or m.at
      later[#later + 1] = at and string.format(crm.vary(state, "deadline", L.steps.deadline_at), at)
                          or crm.vary(state, "deadline", L.steps.deadline)
    end
    if crm.has(new, "follow_up") then
      crm.adjust(state, 6)
      later[#later + 1] = crm.vary(state, "follow_up", L.steps.follow_up)
    end
    if crm.has(new, "thank") then crm.adjust(state, 2) end

    -- 7. settled?
    if m.records and reassured(m) and crm.all_done(state, REQUIRES) and state.mood >= 60 then
      if m.at then
        return crm.finish(out, string.format(L.ending.resolved_at, m.at), "resolved")
      end
      return crm.finish(out, crm.vary(state, "end", L.ending.resolved), "resolved")
    end
    for _, l in ipairs(later) do out[#out + 1] = l end

    -- 8. sent home, or the call closed, with nothing settled; off topic
    if live and kind ~= "forbidden" and not progress and crm.mentions(reply, W.sendhome) then
      m.cold = m.cold + 1
      crm.penalize(state, -6, 1)
      out[#out + 1] = crm.vary(state, "sendhome", L.sendhome)
      if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
      return table.concat(out)
    end
    if live and kind ~= "forbidden" and not progress and not told and crm.mentions(reply, W.closing) then
      if not (m.records and m.money) then
        crm.adjust(state, -4)
        out[#out + 1] = crm.vary(state, "closing", L.closing)
      elseif not crm.done(state, "follow_up") then
        out[#out + 1] = crm.vary(state, "closing", L.closing_done)
      else
        out[#out + 1] = crm.vary(state, "closing", L.closing_all)
      end
      return table.concat(out)
    end
    if not kind and not progress and not told and not script and not vague and not jargon
       and crm.offtopic(reply, W.topic) then
      m.offtopic = m.offtopic + 1
      if m.offtopic > 1 then crm.penalize(state, -5, 1) end
      out[#out + 1] = crm.vary(state, "offtopic", L.offtopic)
      if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
      return table.concat(out)
    end

    -- 9. what she still wants to hear
    if kind ~= "forbidden" and not script and not told and not vague and not jargon then
      local need
      if m.stage == 0 then need = state.turn >= 2 and "ask" or nil
      elseif m.stage == 1 then need = "fear"
      elseif not crm.done(state, "own") then need = "own"
      elseif not m.records then need = "records"
      elseif not reassured(m) then need = "safety"
      elseif not m.money then need = "money"
      elseif not crm.done(state, "deadline") then need = "deadline"
      elseif not crm.done(state, "follow_up") then need = "follow_up"
      elseif not crm.done(state, "apologize") then need = "apologize"
      end
      if need and #out <= 1 then
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
    if m.records and reassured(m) and crm.all_done(state, REQUIRES) and state.mood >= 50 then
      return crm.vary(state, "end", L.ending.resolved), "resolved"
    end
    if state.mood >= 40 then return L.ending.unresolved, "unresolved" end
    return bad_end(state)
  end,

  lexicon = {
    classes = {
      SELF = { "我", "我们", "咱们", "本人" },
      YOU = { "您", "你", "你们", "您们", "妳", "妳们" },
      ELDER = { "老人家", "伯伯", "王伯伯", "阿公", "爷爷", "父亲", "爸爸", "爸", "老先生",
                "长辈", "长者", "住民" },
      NUM = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "一", "二", "两", "三", "四",
              "五", "六", "七", "八", "九", "十" },
      STAFF = { "照服员", "阿玲", "美玲", "陈美玲", "员工", "同仁", "工作人员", "我们的人",
                "照顾服务员" },
    },
    forbidden = {
      {
        id = "elderly-home-deposit-doubt-elder",
        category = "指责客户",
        severity = 3,
        patterns = {
          "{ELDER} ..6 记错|记不清|记不清楚|忘记|忘了|搞错|弄错|乱讲|乱说|胡说|糊涂|失智|退化|搞混",
          "{ELDER} ..2 的 话 ..4 不能 ..2 全信|当真|相信",
          "年纪 大 了? ..4 记性|记忆 ..2 不好|差|不太好",
        },
        why = "處理抱怨的第一個關鍵是「相信」。說長輩記錯了、失智了，等於說家屬和長輩在說謊；伯伯的評估是意識清楚，這種話只會把家屬直接推向社會局和議員。",
        better = "伯伯講的我們相信，謝謝他願意說出來。我今天就調閱帳冊、約談照服員，把事情查清楚。",
        source = "seed 004 貳、顧客抱怨處理的關鍵（相信、不爭辯）；參、老人福利機構員工與長輩的金錢糾紛",
        examples = {
          "老人家可能記錯了",
          "伯伯有時候會記不清楚",
          "您爸爸有點失智",
          "老人家的話不能全信",
          "年紀大了記性比較不好",
          "妳爸爸記錯了吧",
        },
        near = {
          "伯伯講的我們相信，我馬上查",
          "伯伯記得很清楚，謝謝他告訴您",
          "我們不會說伯伯記錯",
          "伯伯意識很清楚，他的話很重要",
        },
      },
      {
        id = "elderly-home-deposit-defend-staff",
        category = "争辩",
        severity = 2,
        patterns = {
          "{STAFF} ..8 不可能|不会|不至于 ..4 做|这样|这种|借|拿|骗|贪",
          "{STAFF} ..4 做了? ..4 年 ..6 老实|负责|认真|很好|没出过",
          "{STAFF} 人 很? 好|老实|不错|很好",
          "{STAFF} ..2 做了 ..4 年 了? $",
          "^ 人 很|蛮|挺|非常|都 老实|负责|好|不错 $",
        },
        why = "事情還沒查，就先替員工擔保「她不可能」「她做了六年很老實」，是在跟家屬爭辯；家屬只會覺得機構護短。要先相信、先查證，不要爭辯。",
        better = "這件事我不先下結論，今天就約談阿玲、調閱帳冊和收據，查清楚以後給您書面說明。",
        source = "seed 004 貳、顧客抱怨處理的關鍵（不爭辯、明確說明步驟）",
        examples = {
          "我們的照服員不可能做這種事",
          "阿玲做了六年了，人很老實",
          "員工不會跟住民借錢的",
          "阿玲不可能拿伯伯的錢",
        },
        near = {
          "阿玲會先停止經手伯伯的錢",
          "我們的員工不可以跟住民借錢，這是規定",
          "我會請阿玲說明清楚",
        },
      },
      {
        id = "elderly-home-deposit-private-matter",
        category = "推诿",
        severity = 2,
        patterns = {
          "个人|私人 ..2 行为|借贷|借款|私事|恩怨|的事",
          "跟|和|与 机构|中心|院方 ..2 无关|没关系|没有关系",
          "{YOU} ..4 自己 ..4 找 ..4 她|阿玲|照服员|美玲 ..4 要|讨|谈|处理|拿",
          "他们 之间 的? 事|问题|借贷",
        },
        why = "員工在機構上班、照顧機構的住民，跟住民之間的金錢往來就是機構的責任。說「那是她個人的借貸，跟機構無關」「您自己去找她要」，是典型的推諉，家屬只會把長輩接走。",
        better = "員工跟住民借錢是違反規定的，這件事由機構負責處理：查證期間這筆錢由機構先行墊還，我今天就約談她。",
        source = "seed 004 參、老人福利機構發生員工與長輩有金錢糾紛應如何處理？",
        examples = {
          "這是員工的個人行為",
          "那是他們之間的私人借貸",
          "跟機構沒有關係",
          "您自己去找阿玲要",
          "這是他們之間的事",
        },
        near = {
          "這件事機構會負責到底",
          "我會親自找阿玲了解",
          "錢的事由機構先處理",
        },
      },
    },
    steps = {
      {
        id = "elderly-home-deposit-steps",
        step = "explain",
        patterns = {
          "第一 ..12 第二",
          "首先 ..12 然后|接着|再来|最后|同时",
          "步骤",
          "调阅|调出|核对|清查 ..6 帐|账|收据|签收|记录|监视器|录影",
          "约谈 ..4 照服员|阿玲|美玲|当事|员工",
        },
        examples = {
          "第一，我先調閱八月的零用金帳冊；第二，約談阿玲",
          "首先調出收據，然後請您一起核對",
          "處理的步驟是這樣",
          "我會調閱零用金帳冊和收據",
          "今天約談當事的照服員",
        },
        near = {
          "我先跟您道歉",
          "您說的我都記下了",
        },
      },
      {
        id = "elderly-home-deposit-deadline",
        step = "deadline",
        patterns = {
          "{NUM} 个? 工作天 ..2 内|之内|以内|前",
          "礼拜 {NUM}|天|日 ..4 前|之前|以前|下班前|上午|下午|中午",
          "这|下|本 礼拜 内|之内",
        },
        examples = {
          "三個工作天內給您書面說明",
          "這禮拜五下午以前",
          "禮拜三上午我打給您",
          "這禮拜內一定查清楚",
        },
        near = {
          "上禮拜您來的時候",
          "做禮拜的時間",
        },
      },
      {
        id = "elderly-home-deposit-advance",
        step = "compensate",
        patterns = {
          "先行? 垫还|垫付|代垫|先垫|代还",
          "补回|补还|归还|还回 ..4 帐户|账户|零用金|伯伯|爸爸",
          "机构|中心|{SELF} ..4 先 ..2 还|赔|补",
        },
        examples = {
          "查證屬實，機構先行墊還",
          "兩千元由中心先墊付",
          "這筆錢會補回伯伯的零用金帳戶",
          "我們先把錢還給伯伯",
        },
        near = {
          "錢的事我們會查清楚",
          "先請您坐下來",
        },
      },
    },
  },

  tests = {
    {
      name = "good",
      seed = 7,
      replies = {
        "王小姐，您先別生氣，這件事我馬上為您處理。這裡人多，我們到會談室坐下來談好嗎？請問伯伯是什麼時候借錢給阿玲的？",
        "是是是，我明白了：兩個月前阿玲跟伯伯借了兩千塊，八月帳上又有三筆四百塊的代購，伯伯只拿到一包紙尿褲。真的非常抱歉，讓伯伯和您受委屈了，伯伯講的我們相信。",
        "這件事由我負責。步驟是這樣：第一，我今天就調閱八月的零用金帳冊、收據和簽收單；第二，今天下午約談阿玲。從今天起阿玲先不照顧伯伯、也不經手伯伯的錢，我另外安排一位資深照服員，伯伯不會因為這件事受委屈。",
        "查證期間，這三千二百元由機構先行墊還到伯伯的零用金帳戶。三個工作天內，也就是這禮拜五下午以前，我給您書面說明。",
        "禮拜五您來的時候，我們一起核對帳冊和收據；以後零用金改成兩人經手、每個月寄對帳單給您，處理進度我每天打電話告訴您。",
      },
      outcome = "resolved",
      score = { 75, 100 },
      findings = { "apologize", "ask", "own", "elderly-home-deposit-steps", "elderly-home-deposit-advance",
                   "deadline", "follow_up" },
      absent = { "elderly-home-deposit-doubt-elder", "elderly-home-deposit-private-matter" },
    },
    {
      name = "good-simplified",
      seed = 3,
      replies = {
        "王小姐您好，非常抱歉让您这么着急。请问伯伯是什么时候借钱给阿玲的？借了多少？",
        "我明白了，两千块，还有八月三笔四百块的代购，伯伯说的我们相信。",
        "这件事我负责到底。首先我今天调阅零用金账册和收据，然后下午约谈阿玲；查证期间阿玲先不照顾伯伯，另外安排一位照服员。",
        "有争议的三千二由中心先行垫还到伯伯的账户，三个工作日内给您书面说明。",
        "每一步的进度我都会打电话告诉您，星期五请您来一起核对账册。",
      },
      outcome = "resolved",
      score = { 75, 100 },
    },
    {
      name = "bad",
      seed = 7,
      replies = {
        "我們的照服員不可能做這種事，阿玲做了六年了，人很老實。",
        "王小姐，老人家可能記錯了，伯伯有時候會記不清楚。",
      },
      outcome = "escalated",
      score = { 0, 35 },
      findings = { "elderly-home-deposit-doubt-elder", "elderly-home-deposit-defend-staff" },
    },
    {
      name = "bad-cold",
      seed = 5,
      replies = {
        "請問有什麼事嗎？",
        "這是員工的個人行為，跟機構沒有關係。",
        "零用金的帳都是依規核銷的，有問題您可以自己去找阿玲要。",
        "我們會反映給相關單位。",
      },
      outcome = "churned",
      score = { 0, 35 },
      findings = { "elderly-home-deposit-private-matter" },
    },
    {
      name = "mixed",
      seed = 9,
      replies = {
        "王小姐您好，抱歉讓您跑一趟。",
        "請問是怎麼回事呢？",
        "我理解您的心情，換作是我也會很生氣。",
        "這件事我們一定會重視。",
        "我們會盡快了解。",
        "您放心，我們會處理的。",
        "謝謝您告訴我們這個情況。",
        "我們會再跟您聯絡。",
        "請您先回去休息。",
        "伯伯這邊我們會多關心。",
        "還有其他需要幫忙的嗎？",
        "謝謝您的體諒。",
        "好的。",
        "再見。",
      },
      outcome = "unresolved",
      score = { 30, 74 },
    },
    random = 20,
  },
}
