-- empathy.lua - expressions of understanding the customer's feelings,
-- supportive listening and affirming tokens.
--
-- Sources (course material in seeds/):
--   seed 000 第八章 如鹦鹉接待客户投诉: the parrot only says 嗯！是的！
--     哦，这样啊！对！ and shows sympathy (哎呀，我们真的很抱歉) - customers
--     felt listened to: 接待客户投诉最重要的就是要首先用肯定和支持性的语言
--     与客户达成共鸣，平复客户的情绪.
--   seed 000 第五章 客户服务案例分析: 客户的需求包括情感层面的 (受到尊重的
--     感觉、消极情绪得到理解和同情); 案例三: 需要宣泄不满的情绪.
--   seed 004 顧客處理抱怨的基本用語 (是!是!是! 抱歉! 您先別生氣 我馬上為您處理),
--     工作前準備 (同理心, 為民眾設想).
--
-- Apology words themselves are the `apologize` step (steps.lua); entries
-- here are about understanding feelings. A match directly after a negator
-- (不/没/别/不会/不想/不用/不能/无法/没法) is dropped by the engine, so
-- entries that carry their own negation (别着急, 不用担心, 没事吧) set
-- negatable = false.

local C = {}

C.SELF = { "我", "我们", "咱们", "本人" }
C.YOU = { "您", "你", "你们", "您们", "妳", "妳们" }
-- feelings a customer may have
C.FEEL = {
  "心情", "感受", "着急", "著急", "焦急", "心急", "担心", "顾虑", "不满",
  "生气", "气愤", "愤怒", "难处", "处境", "委屈", "失望", "不便", "烦恼",
  "苦恼", "困扰", "难受", "不高兴", "不开心", "郁闷", "无奈", "急切", "感觉",
}
-- English subjects (spaces are dropped by folding)
C.ESELF = { "i", "we", "ican", "wecan", "itotally", "icompletely", "ifully", "ireally", "ido" }

return {
  kind = "empathy",
  classes = C,
  entries = {
    {
      id = "understand-feelings",
      patterns = {
        "理解|体谅|明白|懂|了解|瞭解 {YOU} ..6 {FEEL}",
        "{YOU} 的? {FEEL} ..3 {SELF} ..4 理解|体谅|明白|懂",
        "体谅 {YOU}",
      },
      examples = {
        "我理解您的心情",
        "我非常理解您现在的感受",
        "我們完全明白您的擔心",
        "您的心情我非常理解",
        "我能体谅您",
      },
      near = {
        "我不理解你为什么生气",
        "我理解您的意思了",
        "请您体谅一下我们的难处",
      },
    },
    {
      id = "can-understand",
      patterns = {
        "完全|非常|很|十分 可以|能 理解",
        "可以 理解 ..2 {YOU}",
        "情有可原|人之常情",
      },
      examples = {
        "这完全可以理解",
        "您着急是人之常情",
        "我非常能理解",
        "可以理解您",
      },
      near = {
        "我不能理解",
        "我可以帮您处理",
        "请您理解我们的规定",
      },
    },
    {
      id = "in-your-shoes",
      patterns = {
        "换 作|成|做|了 是? {SELF} ..4 也 ..3 会|一样|着急|生气|急|难受|不高兴",
        "如果|要是|假如 {SELF} 是 {YOU}",
        "站在 {YOU} 的? 角度|立场",
        "换位 思考",
        "设身处地|将心比心",
        "换 成|作|做|了? 谁 ..2 都 会? ..2 着急|著急|生气|难受|不高兴|急|上火",
        "in your shoes",
        "would feel the same",
      },
      examples = {
        "换作是我也会着急",
        "换了谁都会着急",
        "如果我是您，我也会很生气",
        "站在您的角度，这确实让人着急",
        "換成誰都會生氣",
        "If I were in your shoes I would be upset too",
      },
      near = {
        "我们一会儿换个方式处理",
        "您站在这里稍等一下",
        "如果我有消息会通知您",
      },
    },
    {
      id = "same-feeling",
      patterns = {
        "{SELF} 也 ..2 很|会|挺|特别|非常 ..2 难过|心疼|遗憾|难受|着急|著急|生气|不好受|揪心|过意不去",
        "{SELF} 和|跟|与 {YOU} 一样 ..2 着急|著急|希望|关心|在意",
      },
      examples = {
        "听到这个，我也很难过",
        "我也会很着急",
        "我们和您一样着急",
        "我也非常遺憾",
      },
      near = {
        "我也会帮您查",
        "我们和您约好明天上午回电",
        "我也很高兴为您服务",
      },
    },
    {
      id = "sorry-for-waiting",
      patterns = {
        "让 {YOU} 久等",
        "让 {YOU} 等 ..4 久",
        "久等 了",
        "keep|kept you waiting",
      },
      examples = {
        "让您久等了",
        "真不好意思让您等了这么久",
        "久等了！",
        "讓您久等了",
        "Sorry to keep you waiting",
      },
      near = {
        "请您稍等一下",
        "您再等我两分钟",
        "等查到结果我就告诉您",
      },
    },
    {
      id = "sorry-for-trouble",
      patterns = {
        "给 {YOU} 添 ..2 麻烦|不便|负担",
        "给 {YOU} 带来 ..4 不便|麻烦|困扰|损失|不愉快|影响|不好的体验|糟糕的体验",
        "让 {YOU} ..2 不方便|为难",
        "让 {YOU} ..2 白跑",
        "让 {YOU} 费心|操心|受累|受委屈",
        "辛苦 {YOU} 了?",
        "sorry for the trouble|inconvenience",
      },
      examples = {
        "给您添麻烦了",
        "给您带来不便，非常抱歉",
        "让您白跑了一趟",
        "辛苦您了",
        "这个规定确实让您不方便",
        "给您带来不好的体验",
        "給您帶來這麼多困擾",
        "Sorry for the inconvenience",
      },
      near = {
        "麻烦您留一下电话",
        "给您带来一个好消息",
        "我们会给您打电话",
      },
    },
    {
      id = "you-must-feel",
      patterns = {
        "{YOU} 一定|肯定|应该|真的|确实 ..2 很? 着急|著急|生气|难受|不好受|失望|委屈|辛苦|担心|郁闷|烦|难过|头疼|上火",
        "知道 {YOU} ..4 着急|著急|生气|不容易|很烦|辛苦|担心|难受",
        "让 {YOU} ..3 失望|担心|着急|著急|生气|难过|受惊",
        "{YOU} 受 委屈|惊 了",
        "难怪 {YOU} ..2 着急|著急|生气|不高兴|担心|会",
      },
      examples = {
        "您一定很着急吧",
        "我知道您很着急",
        "让您失望了",
        "難怪您會生氣",
        "您受委屈了",
      },
      near = {
        "您一定要带身份证",
        "我知道怎么处理",
        "您不用着急，我马上查",
      },
    },
    {
      id = "dont-worry",
      negatable = false,
      patterns = {
        "{YOU}? 先? 别|不要|不用|别太|请勿 着急|著急|担心|急|慌|生气|上火|难过|紧张",
        "{YOU} 放心",
        "请 放心",
        "dont worry",
        "rest assured",
      },
      examples = {
        "您先別生氣",
        "您别着急，我来帮您",
        "不用担心",
        "请放心，我一定帮您处理好",
        "Don't worry, I'll sort this out",
      },
      near = {
        "您着急也没用",
        "我不着急",
        "您别走开，我查一下",
      },
    },
    {
      id = "i-am-with-you",
      patterns = {
        "有 {SELF} 在",
        "{SELF} 陪 {YOU}",
        "{SELF} ..2 一起 ..2 想办法|解决|处理|面对",
        "{SELF} 会 ..2 站在 {YOU} 这边",
        "youare|youre not alone",
      },
      examples = {
        "有我在，您放心",
        "我们一起想办法解决",
        "我陪您把手续办完",
        "我們一起來處理",
      },
      near = {
        "我在查询",
        "我们一会儿再联系",
        "这个要一起提交",
      },
    },
    {
      id = "take-seriously",
      patterns = {
        "{SELF} ..2 非常|很|高度|十分|特别 重视",
        "{YOU} 的 ..6 对 {SELF} ..2 很|非常|特别|十分 重要",
        "we take this seriously",
      },
      examples = {
        "我们非常重视您的问题",
        "我们高度重视这件事",
        "您的意见对我们很重要",
        "我們十分重視",
      },
      near = {
        "这个问题很重要",
        "重视程度不同",
        "我们很快处理",
      },
    },
    {
      id = "concern-wellbeing",
      negatable = false,
      patterns = {
        "{YOU} 没事 吧|吗",
        "{YOU} ..2 还好 吗|吧",
        "{YOU} 身体 ..4 还好|怎么样|要紧|有没有",
        "有没有 受伤|伤到|不舒服",
        "要不要 紧|去医院|看医生",
        "are you ok|okay|alright|allright",
      },
      examples = {
        "您没事吧",
        "您身体现在还好吗",
        "有没有受伤",
        "您還好嗎",
        "Are you OK?",
      },
      near = {
        "没事，我来处理",
        "您的卡还好用吗",
        "还好我们发现得早",
      },
    },
    {
      id = "appreciate-understanding",
      patterns = {
        "谢谢|感谢|多谢 {YOU} 的? 理解|体谅|包容|耐心|宽容",
        "appreciate your patience|understanding",
      },
      examples = {
        "谢谢您的理解",
        "感谢您的耐心",
        "多謝您的體諒",
        "I appreciate your patience.",
      },
      near = {
        "谢谢您的来电",
        "希望您理解",
        "请您耐心等待",
      },
    },
    {
      id = "i-am-listening",
      patterns = {
        "{SELF} ..2 在 听|听着|听著",
        "{YOU} 慢慢 说|讲",
        "{YOU} 请? 继续 说|讲",
        "{SELF} 听 着|著 呢",
        "{SELF} 听到 了",
        "iam|im listening",
        "take your time",
      },
      examples = {
        "我在听",
        "您慢慢说",
        "您请继续说",
        "我一直在聽",
        "I'm listening, take your time",
      },
      near = {
        "您说得太快我没听清",
        "我们在处理",
        "请您慢慢等",
      },
    },
    {
      id = "oh-i-see",
      patterns = {
        "这样 啊|呀|哦|子",
        "原来 是? 这样|如此",
        "i see",
      },
      examples = {
        "哦，这样啊！",
        "原来是这样",
        "是这样啊",
        "噢，這樣呀",
        "Oh, I see.",
      },
      near = {
        "不是这样啊",
        "这样处理比较快",
        "原来的卡号作废了",
      },
    },
    {
      id = "yes-yes-yes",
      patterns = {
        "是 是 是?",
        "^ 是 $",
        "嗯 嗯",
        "对 对 对?",
        "{YOU} 说 得|的 很|真|太|非常? 对|没错|是|在理|有道理",
        "确实 是 这样",
        "youare|youre right",
      },
      examples = {
        "是！是！是！",
        "是是是，您说得对",
        "嗯嗯，您说",
        "对对，您说得对",
        "您說得有道理",
        "You're right.",
      },
      near = {
        "您说的不对",
        "是的",
        "我说得不清楚",
      },
    },
    {
      id = "sorry-to-hear",
      patterns = {
        "听到|听说|得知 ..6 {SELF} ..2 很? 难过|遗憾|心疼|不好受|抱歉",
        "真 ..2 遗憾|心疼",
        "太 遗憾 了",
        "sorry to hear",
        "sad to hear",
      },
      examples = {
        "听到这个消息我很难过",
        "这真是太遗憾了",
        "得知您的遭遇我们很抱歉",
        "I'm sorry to hear that.",
      },
      near = {
        "听到提示音后请输入卡号",
        "我听说过这个问题的解决办法",
        "真的可以退",
      },
    },
    {
      id = "validate-feeling",
      patterns = {
        "确实|真的|实在 ..2 让人|令人 ..4 着急|著急|生气|头疼|郁闷|恼火|失望|难受|不舒服|心烦",
        "{YOU} 着急|著急|生气|不满|担心 ..2 是 ..2 应该|正常|可以理解|难免",
        "谁 遇到 ..4 都 ..2 着急|著急|生气|不高兴",
        "thatmustbe|thatsounds|thatmusthavebeen|mustbe|mustfeel so|really|very? frustrating|annoying|stressful|upsetting|difficult|hard|awful",
      },
      examples = {
        "这确实让人着急",
        "您生气是应该的",
        "谁遇到这种事都会生气",
        "這實在令人頭疼",
        "That must be frustrating.",
      },
      near = {
        "这确实是我们的规定",
        "您着急也没有用",
        "确实可以办理",
      },
    },
    {
      id = "not-your-fault",
      negatable = false,
      patterns = {
        "不是 {YOU} 的 错|问题|责任|原因",
        "不怪 {YOU}",
        "{YOU} 没有? 做错|错",
        "not your fault",
      },
      examples = {
        "这不是您的错",
        "不怪您，是我们没提醒到位",
        "您没有做错什么",
        "It's not your fault.",
      },
      near = {
        "不是我们的错",
        "您没记错的话是上周办的",
        "这是系统的问题",
      },
    },
    {
      id = "matters-to-you",
      patterns = {
        "知道|明白|清楚|理解 ..4 对 {YOU} ..4 重要|要紧|关键",
        "{SELF} 明白|清楚|知道 ..4 {YOU} ..4 急需|急用|急着用|急著用|等着用|等著用",
      },
      examples = {
        "我知道这笔钱对您很重要",
        "我明白这件事对您来说很要紧",
        "我清楚您急着用这张卡",
        "我們知道您急需這筆款項",
      },
      near = {
        "这个字段很重要",
        "我知道怎么操作",
        "您的资料对我们很重要吗",
      },
    },
    {
      id = "value-feedback",
      patterns = {
        "谢谢|感谢|多谢 {YOU} ..4 告诉|反馈|提醒|指出|提出|反映",
        "{YOU} 的 ..2 意见|反馈|建议 ..4 宝贵|很有帮助|很重要",
        "thankyou|thanks for lettingusknow|tellingus|bringingthis",
      },
      examples = {
        "谢谢您告诉我们这个情况",
        "感谢您及时反馈",
        "您的意见非常宝贵",
        "Thank you for letting us know.",
      },
      near = {
        "谢谢您的来电",
        "请您反馈给柜台",
        "意见箱在门口",
      },
    },
    {
      id = "sympathy-interjection",
      patterns = {
        "哎呀|哎哟|唉呀|天哪|天呐",
      },
      examples = {
        "哎呀，我们真的很抱歉",
        "唉呀，这可真糟糕",
        "天哪，您没受伤吧",
      },
      near = {
        "哎，好的",
        "呀，您的卡号是多少",
        "天气热的时候空调容易出问题",
      },
    },
    {
      id = "en-understand",
      patterns = {
        "{ESELF} understand|canimagine|hearyou|knowhow|seewhy|seehow",
        "understand|imagine ..2 how|why|your",
        "how frustrating|upsetting|annoying|stressful",
      },
      examples = {
        "I understand how frustrating this is",
        "I totally understand",
        "We understand your concern",
        "I can imagine how upsetting that was",
        "I hear you.",
      },
      near = {
        "I do not understand the question",
        "Please understand our policy",
        "Let me check your account",
      },
    },
  },
}
