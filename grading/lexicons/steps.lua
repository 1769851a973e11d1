-- steps.lua - markers for the resolution steps of the step vocabulary
-- (apologize, acknowledge, ask, explain, own, contact, deadline,
-- compensate, follow_up, thank).
--
-- Sources (course material in seeds/):
--   seed 000 第五章 案例一 正确的处理: 认真查询客户信息，找到业务没有办理成功
--     的原因 (ask, explain)，留下客户联系电话 (contact)，并对客户承诺在**时间
--     回复客户 (deadline, follow_up)，随后与相关部门进行联系 (own)，然后及时
--     答复客户 (follow_up)，同时向顾客表示歉意 (apologize)。
--   seed 000 第五章 案例二: 用简洁明确的语言一次表达清楚，如客户有疑问，再解释
--     一下工作流程 (explain)；清楚地告诉客户在何时红利将会到帐 (deadline).
--   seed 000 第八章 鹦鹉: 嗯！是的！哦，这样啊！对！ (acknowledge)；哎呀，我们
--     真的很抱歉 (apologize)；我们会送一些打折卷给您 (compensate).
--   seed 002 兰博基尼: 免费更换、费用由我方承担 (compensate)；深表歉意.
--   seed 004 基本用語: 是!是!是! 抱歉! 您先別生氣 我馬上為您處理 (own)；
--     關鍵: 善意的請問 (ask)、合理的利益 (compensate)、明確說明步驟 (explain)、
--     知道處理過程 (follow_up).
--
-- A match directly after a negator (不/没/别/未/不是/不会/不想/不用/不能/无法/没法, not/dont/cant …)
-- is dropped by the engine ("我不会道歉" is not apologize); entries that
-- contain their own negation set negatable = false.

local C = {}

C.SELF = { "我", "我们", "咱们", "本人", "我这边", "我们这边" }
C.YOU = { "您", "你", "你们", "您们", "妳", "妳们" }
-- digits (full-width digits fold to ASCII) and Chinese numerals; 几 is
-- deliberately absent: "几天" is not a concrete time
C.NUM = {
  "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
  "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "半", "廿",
}
C.DAY = {
  "今天", "明天", "后天", "今晚", "明早", "明晚", "本周", "这周", "下周",
  "周一", "周二", "周三", "周四", "周五", "周六", "周日", "周末",
  "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期天", "星期日",
  "月底", "月初", "本月", "下个月", "今日", "明日",
  "礼拜一", "礼拜二", "礼拜三", "礼拜四", "礼拜五", "礼拜六", "礼拜天", "礼拜日",
  "这礼拜", "下礼拜",
}
C.VOUCHER = {
  "代金券", "优惠券", "折扣券", "打折券", "打折卷", "折价券", "抵用券", "现金券", "礼券", "赠券",
  "红包", "购物券", "礼品卡",
}
C.DAYPART = { "上午", "下午", "中午", "晚上", "早上", "傍晚", "凌晨" }
-- identifiers a trainee may ask for (phone numbers are `contact`)
C.ID = {
  "卡号", "订单号", "单号", "快递单号", "账号", "帐号", "身份证", "身份证号",
  "证件号", "型号", "编号", "流水号", "会员号", "尾号", "合同号", "工单号",
  "房间号", "航班号", "车牌号", "姓名",
}
C.PHONE = {
  "电话", "手机", "手机号", "手机号码", "号码", "联系方式", "联络方式", "联系电话", "联络电话",
  "微信", "邮箱", "地址", "电话号码",
}
C.ENUM = {
  "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
  "ten", "twelve", "fifteen", "twenty", "thirty", "fortyfive", "an", "a",
}
C.ESELF = { "ill", "iwill", "wewill", "well", "letme", "imgoingto", "iamgoingto", "iwould", "illpersonally", "iwillpersonally" }

return {
  kind = "steps",
  classes = C,
  entries = {

    ---------------------------------------------------------------- apologize
    {
      id = "sorry",
      step = "apologize",
      patterns = {
        "对不起|抱歉|道歉|致歉|歉意|赔不是|赔罪",
      },
      examples = {
        "非常抱歉",
        "哎呀，我们真的很抱歉",
        "对此我们深表歉意",
        "向您道歉",
        "對不起！",
      },
      near = {
        "我不会道歉",
        "您不用抱歉",
        "我们会改进服务",
      },
    },
    {
      id = "excuse-us",
      step = "apologize",
      negatable = false,
      patterns = {
        "不好意思",
        "过意不去",
        "请 {YOU}? ..2 见谅|原谅|包涵|海涵",
        "失礼 了",
      },
      examples = {
        "真不好意思",
        "请您多多包涵",
        "實在過意不去",
        "请您原谅",
      },
      near = {
        "您好，请讲",
        "这是我们的意思",
        "请您稍等",
      },
    },
    {
      id = "our-fault",
      step = "apologize",
      patterns = {
        "是 {SELF} ..4 的? 失误|疏忽|错|不对|责任|过失|问题",
        "{SELF} ..4 做得|做的 不好|不够好|不到位|不对",
        "{SELF} ..4 工作 ..2 没 做好|做到位",
      },
      examples = {
        "这是我们的失误",
        "是我们这边的疏忽",
        "是我们工作没做到位",
        "是我們的錯",
        "您没有记错，确实是我们的问题",
      },
      near = {
        "不是我们的错",
        "这是您的卡号",
        "我们已经做好了",
      },
    },
    {
      id = "en-sorry",
      step = "apologize",
      patterns = {
        "sorry",
        "apologize|apologise|apologies",
        "my bad",
      },
      examples = {
        "I'm so sorry about this",
        "We apologize for the delay",
        "Please accept our apologies.",
      },
      near = {
        "I will fix it",
        "Let me check",
        "We appreciate your patience",
      },
    },

    ---------------------------------------------------------------- acknowledge
    {
      id = "listening-tokens",
      step = "acknowledge",
      patterns = {
        "嗯",
        "是的|对的|好的|对对|是是",
        "明白|了解|瞭解|知道了|收到|清楚了",
        "这样 啊|呀",
        "原来 是? 这样",
        "^ 是|对|好|行|对对|是啊|对啊|好嘞 $",
      },
      examples = {
        "嗯",
        "是的，您说",
        "好的，明白",
        "哦，这样啊",
        "收到！",
        "對！",
      },
      near = {
        "我不明白",
        "请问您的卡号",
        "这是规定",
      },
    },
    {
      id = "i-understand-you",
      step = "acknowledge",
      patterns = {
        "明白|了解|瞭解|清楚|懂|知道 了? {YOU} 的? 意思|情况|问题|需求|诉求|要求|想法|顾虑",
        "{SELF} 听 明白|懂|清楚|到 了",
        "{YOU} 的 意思 {SELF} 明白|懂",
        "{SELF} ..3 记下|记录下|记录|登记 了",
      },
      examples = {
        "我明白您的意思",
        "了解您的情况了",
        "瞭解您的情況了",
        "我听明白了",
        "您的意思我懂",
        "我清楚您的需求了",
        "您说的情况我已经记下了",
      },
      near = {
        "我不明白您的意思",
        "我没听清楚",
        "您的卡号是多少",
      },
    },
    {
      id = "restate",
      step = "acknowledge",
      negatable = false,
      patterns = {
        "{YOU} 是 说|想说|指",
        "{YOU} 的? 意思 是|就是",
        "也 就是 说",
        "{YOU} 刚才 说|提到|讲",
        "对 吧|吗",
        "如果 {SELF} 没 理解|听 错",
        "确认 一下 ..4 {YOU} 的? 意思|情况|问题|需求",
        "跟 {YOU} 确认 一下",
      },
      examples = {
        "您是说一周前在左边第一个柜台办理的，对吧？",
        "您的意思是红利还没到账",
        "如果我没理解错，您是想查卡有没有开通电话银行",
        "我跟您确认一下",
        "您剛才提到卡號是尾號1234",
      },
      near = {
        "您说什么",
        "我是说明书上写的",
        "我来确认一下系统",
      },
    },
    {
      id = "en-acknowledge",
      step = "acknowledge",
      patterns = {
        "i see",
        "got it",
        "understood",
        "i hear you",
        "makes sense",
        "youaresaying|youresaying|youmean",
        "if i understand correctly",
      },
      examples = {
        "I see.",
        "Got it, thanks",
        "So you're saying the card was never linked?",
        "If I understand correctly, the money has not arrived",
      },
      near = {
        "Let me check",
        "I will call you",
        "Please hold on",
      },
    },

    ---------------------------------------------------------------- ask
    {
      id = "polite-ask",
      step = "ask",
      patterns = {
        "请问",
        "{YOU}? 能|可以|方便 ..4 告诉 {SELF}",
        "{YOU}? 能|可以|方便 ..4 说一下|讲一下|描述一下|介绍一下",
        "麻烦 {YOU} ..4 告诉|提供|说一下|描述|确认|核对|报一下",
        "想 ..2 向|跟 {YOU} 确认|了解|瞭解|核实|请教",
        "{SELF} 需要 ..4 确认|核实|了解|瞭解 一下",
      },
      examples = {
        "请问您是在哪个网点办理的？",
        "您能告诉我具体的时间吗",
        "麻烦您提供一下卡号",
        "我想跟您确认一下购买日期",
        "請問您貴姓",
      },
      near = {
        "我不能告诉你",
        "我已经告诉柜台了",
        "我马上处理",
      },
    },
    {
      id = "which-when-where",
      step = "ask",
      patterns = {
        "{YOU} ..4 哪天|哪一天|什么时候|几号|几点|什么时间|哪个|哪家|哪里|在哪|多少|多久|有没有|是不是|是否|怎么称呼|贵姓",
        "是 谁 ..2 帮|给 {YOU}",
        "什么 时候 ..4 办|买|挂|开通|收到|发现|出现|开始",
        "{YOU} 看|觉得 ..6 可以|行|好|满意|合适 吗|不|么",
      },
      examples = {
        "您是哪天办的",
        "您是在哪个柜台办理的",
        "您有没有收到短信",
        "是谁帮您办理的",
        "什么时候发现的？",
        "您看这样处理可以吗",
      },
      near = {
        "我们明天上午给您回复",
        "我马上帮您处理",
        "您放心",
      },
    },
    {
      id = "ask-identifier",
      step = "ask",
      patterns = {
        "{ID} ..4 多少|是什么|几|告诉|提供|报|说一下|核对|确认",
        "报 一下 {YOU}? 的? {ID}",
        "提供 一下? {YOU}? 的? {ID}",
      },
      examples = {
        "您的卡号是多少",
        "订单号方便提供一下吗",
        "麻烦报一下您的身份证后四位",
        "您的賬號是多少",
      },
      near = {
        "您的卡号已经登记好了",
        "这个型号很好用",
        "订单已经发货了",
      },
    },
    {
      id = "describe",
      step = "ask",
      patterns = {
        "{YOU} ..2 具体|详细 ..2 说|讲|描述|介绍 一下",
        "能 ..2 说|讲 ..2 具体|详细 ..2 吗|一点|一些",
        "发生 了 什么",
        "什么 情况|问题|提示 ..2 呢|吗",
        "出现 ..2 什么 问题|情况|提示|错误",
      },
      examples = {
        "您具体说一下是什么情况",
        "能说得详细一点吗",
        "发生了什么",
        "出现了什么提示？",
      },
      near = {
        "我具体给您说明一下流程",
        "详细的流程在这里",
        "这个情况我来处理",
      },
    },
    {
      id = "en-ask",
      step = "ask",
      patterns = {
        "could|can|would you tellme|confirm|describe|giveme",
        "may i ask|haveyour",
        "what happened",
        "when did you",
        "which branch|counter|store|card|account|order",
        "whatis|whats your",
      },
      examples = {
        "Could you tell me when this happened?",
        "May I have your order number?",
        "Which branch did you open the card at?",
        "What's your account number?",
      },
      near = {
        "I will tell you tomorrow",
        "Let me check your account",
        "Thank you for calling",
      },
    },

    ---------------------------------------------------------------- explain
    {
      id = "because",
      step = "explain",
      patterns = {
        "因为|由于",
        "原因 是|在于|主要是",
        "可能 是|因为|由于",
        "是 为了 ..4 保护|保障|确保|安全|防止",
        "给|跟|向|为 {YOU} ..2 解释|说明",
        "{SELF} ..3 解释|说明 一下",
      },
      examples = {
        "因为我们要清算",
        "原因是系统升级",
        "这是为了保护您的资金安全",
        "由於網路延遲",
        "可能是办理时信息没有提交成功",
        "我来跟您解释一下为什么会这样",
        "我给您说明一下流程",
      },
      near = {
        "我马上帮您查",
        "不是因为您",
        "请您说明一下情况",
        "原来如此",
      },
    },
    {
      id = "policy-process",
      step = "explain",
      patterns = {
        "按照|根据|依照|按 ..4 规定|流程|要求|制度|政策|条款|协议|约定",
        "规定|流程|程序 ..2 是|需要|要求",
        "需要|要 ..8 才能|才可以|才会",
        "的? 意思 是指|指的是",
        "指 的 是",
      },
      examples = {
        "按照规定需要本人到柜台办理",
        "流程是先提交申请再审核",
        "钱要明天才能到账",
        "红利发放日指的是公司发放红利的日子",
        "根據合約規定",
      },
      near = {
        "我马上为您处理",
        "我先查一下",
        "好的，没问题",
      },
    },
    {
      id = "how-it-works",
      step = "explain",
      patterns = {
        "一般|通常|正常 ..4 需要|会|是|要 ..6 天|小时|分钟|工作日|到账|处理",
        "情况 是 这样",
        "是 这样 的",
        "也 就是 说 ..4 需要|要|会",
      },
      examples = {
        "一般需要三个工作日到账",
        "情况是这样的",
        "通常会在两小时内处理",
        "是這樣的，紅利要明天才到帳",
      },
      near = {
        "您先别着急",
        "我帮您联系",
        "不是这样的",
      },
    },
    {
      id = "en-explain",
      step = "explain",
      patterns = {
        "because",
        "thereasonis|reasonbeing",
        "due to",
        "according to",
        "theprocessis|policyis|ruleis",
        "ittakes|usuallytakes|normallytakes",
      },
      examples = {
        "This happened because the system was updated",
        "The reason is that the transfer needs a day to settle",
        "According to our policy, refunds take 3 days",
      },
      near = {
        "I will call you back",
        "Sorry for the trouble",
        "Let me check",
      },
    },

    ---------------------------------------------------------------- own
    {
      id = "i-will-handle",
      step = "own",
      patterns = {
        "{SELF} 来|马上|立刻|立即|现在|这就|先|亲自 ..4 处理|解决|办理|安排|查|核实|跟进|办|加急|申请",
        "{SELF} 来|马上|立刻|立即|现在|这就|会|先 ..2 帮|为|替 {YOU}",
        "为|帮|替 {YOU} ..2 处理|查|解决|办理|核实|申请|安排|更换|问",
      },
      examples = {
        "我马上为您处理",
        "我來幫您查",
        "我马上帮您查一下",
        "我会帮您跟进",
        "我现在就为您办理",
        "这个问题不难处理，我马上办",
        "您这个要求很合理，我马上去申请",
      },
      near = {
        "我们会尽快处理的",
        "我帮不了您",
        "你去柜台处理",
        "我不会帮您处理",
      },
    },
    {
      id = "take-ownership",
      step = "own",
      patterns = {
        "交给 {SELF}",
        "{SELF} ..2 负责 ..4 到底|跟进|处理|解决",
        "由 {SELF} ..2 负责|处理|跟进|联系|联络",
        "包 在 {SELF} 身上",
        "{SELF} 一定 ..4 帮 {YOU}|解决|处理",
      },
      examples = {
        "这件事交给我",
        "这件事由我负责",
        "我负责跟进到底",
        "包在我身上",
        "我一定幫您解決",
      },
      near = {
        "这不是我负责的",
        "您交给柜台就行",
        "由他们负责",
      },
    },
    {
      id = "contact-dept-for-you",
      step = "own",
      patterns = {
        "帮|替|为 {YOU} 联系|联络|协调|对接|转|反映|申请|催",
        "{SELF} 马上|立刻|立即|会|来|去|先|这就|现在|负责 ..2 联系|联络|协调|对接|催|问 ..4 相关|柜台|柜枱|部门|网点|支行|技术|售后|物流|快递|厂家|经理|同事|他们",
        "{SELF} 去 ..2 问|查|核实|协调|联系|联络|找|确认",
        "{SELF} ..4 请|让|安排|通知|派 ..6 部门|技术|同事|师傅|人员|专人|维修|经理|主管|技师|专家|工程师",
      },
      examples = {
        "我替您联系柜台",
        "我马上联系相关部门",
        "我去问一下同事",
        "我幫您聯繫售後",
        "我馬上幫您聯絡櫃枱",
        "我会请技术部门尽快排查",
        "我们会安排专人跟进",
        "这次我们直接安排高级技师上门",
      },
      near = {
        "您去联系柜台吧",
        "他们会联系",
        "我不能帮您联系",
      },
    },
    {
      id = "en-own",
      step = "own",
      patterns = {
        "{ESELF} ..2 takecare|handle|lookinto|check|sort|fix|escalate|contact|personally",
        "leave it to|with me",
      },
      examples = {
        "I'll take care of it",
        "Let me check that for you",
        "I will contact the branch right away",
        "Leave it to me.",
      },
      near = {
        "You should contact the branch",
        "Please hold",
        "Thank you",
      },
    },

    ---------------------------------------------------------------- contact
    {
      id = "leave-contact",
      step = "contact",
      patterns = {
        "留 ..4 {PHONE}",
        "{PHONE} ..4 是多少|是什么|方便|多少",
        "方便 ..4 留|给|告诉 ..4 {PHONE}",
        "打 ..4 这个|哪个 ..2 号码|电话 ..4 找到|联系|联络|联系到|联络到|找",
        "怎么 联系|联络 {YOU}",
      },
      examples = {
        "请留一下您的联系电话",
        "您的手机号是多少",
        "方便留一下您的手机号吗",
        "打这个号码能找到您吗",
        "請您留下聯繫方式",
        "您随时可以打这个电话找我",
      },
      near = {
        "请拨打我们的客服热线",
        "我会给您打电话",
        "留言已经收到",
      },
    },
    {
      id = "confirm-contact",
      step = "contact",
      patterns = {
        "核对|确认 一下? ..4 {PHONE}",
        "{PHONE} ..4 联系到|联络到|找到|打通 {YOU}",
        "尾号 ..6 是 {YOU}? 的? {PHONE}",
        "还是 ..2 这个 号码|电话",
      },
      examples = {
        "我核对一下您的手机号",
        "这个号码能联系到您吗",
        "尾号1234是您的手机吗",
        "确认一下联系电话是这个吗",
      },
      near = {
        "我确认一下订单",
        "这个号码是客服热线",
        "我核对一下金额",
      },
    },
    {
      id = "en-contact",
      step = "contact",
      patterns = {
        "your phone|number|email|contact",
        "reach you",
        "best number",
      },
      examples = {
        "Could I have your phone number?",
        "What is the best number to reach you?",
        "Can I get your email address?",
      },
      near = {
        "Please call our hotline",
        "I will check the record",
        "Thank you for waiting",
      },
    },

    ---------------------------------------------------------------- deadline
    {
      id = "clock-time",
      step = "deadline",
      patterns = {
        "{DAYPART} ..2 {NUM} {NUM}? 点|时|点钟",
        "{NUM} {NUM}? 点|点钟 前|之前|以前|左右|整|半|钟",
        "{NUM} {NUM}? 时 前|之前|以前",
      },
      examples = {
        "今天下午五点前给您回复",
        "5点前一定处理好",
        "明天上午10点左右给您回电",
        "下午三點半給您答覆",
      },
      near = {
        "请您冷静一点",
        "我多解释一点",
        "稍后给您回复",
      },
    },
    {
      id = "within-duration",
      step = "deadline",
      negatable = false,
      patterns = {
        "{NUM} {NUM}? 个? 小时|分钟|工作日|工作天|天|日|钟头|周|星期|礼拜|个月|月 ..2 内|之内|以内|后|左右|以后",
        "{NUM} {NUM}? 个? 小时|分钟|工作日|工作天|钟头 ..4 给|回|处理|到账|办好|答复|答覆|联系|联络|通知",
        "不超过|不晚于|最迟|最晚 ..4 {NUM}",
      },
      examples = {
        "两个小时内给您答复",
        "24小时内处理完",
        "我30分钟后给您回电",
        "三個工作日內到帳",
        "三個工作天內給您回覆",
        "最迟不超过半小时",
      },
      near = {
        "请您稍等一下",
        "我会尽快处理",
        "您过几天再看看",
      },
    },
    {
      id = "named-day",
      step = "deadline",
      patterns = {
        "{DAY} ..2 {DAYPART}",
        "{DAY} ..2 下班前|之前|以前|之内|内|前|结束前",
        "{DAY} ..4 给|回复|回覆|答复|答覆|回电|联系|联络|通知|处理好|到账|办好|送达|送到|发货|上门|修好|完成",
      },
      examples = {
        "明天上午给您回电",
        "今天下班前一定给您答复",
        "本周五前处理好",
        "我禮拜五給您答覆",
        "今天之內給您辦好",
        "物流显示明天送达",
      },
      near = {
        "今天天气不错",
        "我们昨天已经处理了",
        "明天再说吧",
      },
    },
    {
      id = "en-deadline",
      step = "deadline",
      patterns = {
        "within {ENUM} {ENUM}? hour|minute|day|businessday|week",
        "in {ENUM} {ENUM}? hour|minute|day|businessday",
        "by|before tomorrow|today|tonight|noon|monday|tuesday|wednesday|thursday|friday|endofday|eod",
        "by|before {ENUM} {ENUM}? pm|am|oclock",
      },
      examples = {
        "I will call you back within 2 hours",
        "You will get the refund within three business days",
        "We'll have an answer by tomorrow morning",
        "I will call you before 5 pm",
      },
      near = {
        "I will call you soon",
        "Please wait a moment",
        "We will get back to you later",
      },
    },

    ---------------------------------------------------------------- compensate
    {
      id = "refund",
      step = "compensate",
      patterns = {
        "退款|退钱|退费|退货|退还|返还|返现|赔偿|补偿|赔付|理赔|退差价",
      },
      examples = {
        "我马上为您办理退款",
        "我们会给您一定的补偿",
        "差价我们退还给您",
        "給您賠償",
      },
      near = {
        "不能退款",
        "您的卡已经开通了",
        "我帮您查一下订单",
      },
    },
    {
      id = "voucher",
      step = "compensate",
      patterns = {
        "送|赠|补|奉上|补发|补寄|返还|赠送 ..6 {VOUCHER}",
        "给 {YOU} ..3 一张|一份|一些|张|份|个 ..4 {VOUCHER}",
        "{VOUCHER} ..3 送|给|寄 给? {YOU}",
        "送|赠|补|返 ..6 积分",
        "给 {YOU}? 打 ..2 折",
        "给 {YOU} ..2 优惠|折扣|减免",
      },
      examples = {
        "我们会送一些打折卷给您",
        "给您一张50元代金券",
        "送您1000积分",
        "給您打八折",
      },
      near = {
        "赠券没寄到，非常抱歉",
        "我给您查一下积分",
        "您的礼券寄到旧地址了",
        "您的卡号是多少",
        "我马上查",
        "订单已经发出",
      },
    },
    {
      id = "waive-gift",
      step = "compensate",
      patterns = {
        "免单|免费|减免|免收|免去|免除|免了",
        "赠送|补发|补寄|多送|换货|换新|调换",
        "送|送给 {YOU}",
        "重新 发|寄",
        "升级 ..2 房间|房型|座位|舱位|套餐|会员",
        "换 ..2 新 的",
        "费用 ..4 {SELF} ..2 承担|负责|出",
        "费用 ..4 公司 ..2 承担|负责",
      },
      examples = {
        "免费为您更换保险杠",
        "这次维修费用全免，给您免单",
        "给您升级房间",
        "相关费用由我们承担",
        "給您換一台新的",
      },
      near = {
        "我帮您把问题升级处理",
        "维修需要收费",
        "这个费用是多少",
      },
    },
    {
      id = "en-compensate",
      step = "compensate",
      patterns = {
        "refund|compensat|voucher|coupon|discount|reimburs",
        "freeofcharge|onthehouse|waive|complimentary|upgrade",
      },
      examples = {
        "We will refund you the full amount",
        "I can give you a voucher",
        "The repair is free of charge",
      },
      near = {
        "Let me check the order",
        "I will call you back",
        "Sorry for the wait",
      },
    },

    ---------------------------------------------------------------- follow_up
    {
      id = "call-back",
      step = "follow_up",
      patterns = {
        "回电|回访|回个电话|回电话",
        "给 {YOU} ..4 回复|回覆|答复|答覆|回电|打电话|打个电话|去电|发短信|发简讯|通知|反馈",
        "回复|回覆|答复|答覆|反馈 {YOU}",
      },
      examples = {
        "我会给您回电",
        "然后及时答复您",
        "今天下午给您回复",
        "明天上午給您回電話",
        "我們會盡快答覆您",
      },
      near = {
        "请您回复一下短信",
        "您的电话号码是多少",
        "我们马上处理",
      },
    },
    {
      id = "notify-result",
      step = "follow_up",
      patterns = {
        "结果|进展|消息|讯息|进度 ..6 通知|告诉|联系|联络|告知 {YOU}",
        "第一时间 ..4 通知|告诉|联系|联络|告知|反馈",
        "有 ..2 进展|消息|讯息|结果 ..6 通知|告诉|联系|联络|告知",
        "及时 ..2 告知|通知|反馈|答复|答覆|回复|回覆",
        "随时 ..2 告诉|通知|告知 {YOU}",
      },
      examples = {
        "一有结果我第一时间通知您",
        "有进展会及时告知您",
        "处理结果出来后我会联系您",
        "有消息馬上告訴您",
      },
      near = {
        "结果不太好",
        "请您留意短信",
        "我们马上处理",
      },
    },
    {
      id = "keep-following",
      step = "follow_up",
      patterns = {
        "跟进|跟踪|追踪|跟催",
        "持续 ..2 关注|跟",
        "{SELF} ..4 盯着|盯著",
        "{SELF} ..4 短信|简讯|电话|微信 ..2 通知 {YOU}",
        "定期 ..4 回访|联系|联络|追踪",
      },
      examples = {
        "我负责跟进",
        "我会持续关注这件事",
        "我们会一直盯着",
        "我們會持續追蹤",
        "您可以通过官网查看进度，我也会短信通知您",
      },
      near = {
        "您关注一下我们的公众号",
        "我马上帮您查",
        "您先回去",
      },
    },
    {
      id = "en-follow-up",
      step = "follow_up",
      patterns = {
        "callyouback|getbacktoyou|ringyouback",
        "followup",
        "keep you updated|posted|informed",
        "let you know",
      },
      examples = {
        "I will call you back this afternoon",
        "We'll get back to you by tomorrow",
        "I'll keep you updated",
        "I will let you know as soon as I hear",
      },
      near = {
        "Please call the hotline",
        "I am sorry",
        "Let me check",
      },
    },

    ---------------------------------------------------------------- thank
    {
      id = "thanks",
      step = "thank",
      patterns = {
        "谢谢|感谢|多谢|谢了|感激",
      },
      examples = {
        "谢谢",
        "感谢您的耐心",
        "多謝您的配合",
        "非常感谢您的来电",
      },
      near = {
        "不用谢",
        "不客气",
        "请稍等",
      },
    },
    {
      id = "thanks-for",
      step = "thank",
      patterns = {
        "感谢|谢谢 {YOU} ..2 耐心|理解|配合|支持|等待|反馈|信任|提醒|建议|来电|选择",
        "辛苦 {YOU}",
      },
      examples = {
        "感谢您的耐心等待",
        "谢谢您的理解和支持",
        "辛苦您了",
        "謝謝您的來電",
      },
      near = {
        "请您耐心等待",
        "您的支持是什么",
        "辛苦的是我们",
      },
    },
    {
      id = "en-thanks",
      step = "thank",
      patterns = {
        "thank|thanks|thx",
        "appreciate",
        "grateful",
      },
      examples = {
        "Thank you for your patience",
        "Thanks!",
        "We appreciate your understanding",
      },
      near = {
        "Let me check",
        "Sorry about that",
        "You're welcome",
      },
    },
  },
}
