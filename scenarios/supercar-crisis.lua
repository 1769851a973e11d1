-- supercar-crisis.lua - 姜总：明天下午三点一刻，当众砸兰博基尼（VIP 危机处理）
--
-- 出处：seeds/002《第六章 高级客户服务技巧》6.2 客户满意度调查的事件导入
--   "青岛车主砸车维权 190万兰博基尼被砸成烂铁"：2010年10月青岛一家建材城通过
--   进口渠道购入一辆兰博基尼，一个多月后发动机故障、不能点火；经青岛授权店联系
--   品牌维修站，维修人员派拖车拉走，却没有办理车辆交接手续。第二天车主方去看
--   进度，维修人员要求车主签字确认保险杠断裂、车架受损，并自行承担维修费；
--   车主方发现断裂处和车架痕迹都是新碴，怀疑是拖运中操作不当，拒绝签字。此后
--   多次沟通没有满意答复，2011年3月15日下午3点15分在建材灯具城东门当众砸车。
--   问题诊断：车主是在抗议国际品牌的差别化服务，要求与外国消费者同等待遇。
--   兰博基尼的最终方案（免费换保险杠、北京派技术专家全面检测、改装车发动机检测后
--   再定能否免费、底盘喷漆费用由兰博基尼承担）来得太晚。课程的结论："大店买，
--   更要大店修"，及时与客户沟通；"危机公关的时候，不要想着推卸的责任，要主动考虑
--   消费者的诉求……诚挚热忱地帮助其解决实际问题"；6.4.3 缩短服务质量差距：
--   "避免承诺过高或承诺太多，避免承诺的随意性"。
--
-- 设定：2011年3月14日晚7点，砸车前一天。学员是兰博基尼中国的客户关系经理，
--   第一次直接给车主姜总打电话。
--
-- 学员要做（requires）：apologize 为他受到的对待真诚道歉（没办交接、让他签字认损、
--   三个月没人给说法），acknowledge 说出这些事实、听他说完，own 由自己负责到底，
--   deadline 具体时间（专家明天上午到青岛、报告后48小时内书面答复），
--   follow_up 高层当面拜访、每一步亲自通报。另外必须有：独立的联合检测（第三方
--   机构、他的人在场）和高层出面（总监登门或自己到青岛）。
--   加分：compensate 保险杠/车架损伤由我方承担；说出"中国客户同等对待"；
--   "车是您的，怎么处理由您决定"（不劝、不教育他别砸）。
--   让事情失控的：推给拖车公司、授权店、"改装了不保修"（推诿、拒绝）、怀疑他
--   （"您有证据吗"）、跟他争；说教（"砸车解决不了问题""您这是炒作"）、"请您冷静"、
--   "等意大利总部回复"；随口承诺（"发动机保证全免""给您换台新车"）。
--
-- 结局：resolved   道歉到点子上、事实认下、独立检测 + 时间 + 高层登门，且没有
--                  随口承诺 → 他暂缓砸车，等明天的人；
--       postponed  其余都做到了，但随口许下的"发动机全免"没有收回 → 他暂缓砸车，
--                  要你明天把这句话写成盖章公函——一个你做不了主的承诺；
--       escalated  推诿、怀疑他、争辩、两次随口承诺 → 明天三点一刻照砸，记者都请好了；
--       churned    说教、敷衍、冷冰冰，或者客客气气却接连几轮拿不出东西
--                  → 他不砸了，让律师来谈，公司以后不碰这个牌子；
--       unresolved 一直有进展、但到轮数上限还没谈妥（on_timeout，例如始终没有高层出面）。

local REQUIRES = { "apologize", "acknowledge", "own", "deadline", "follow_up" }

local L = {
  react = {
    forbidden = {
      ["推诿"] = {
        "又来了。三个月了，授权店推维修站，维修站推拖车，现在轮到你推。",
        "我买的是兰博基尼，不是买的哪个店、哪辆拖车。",
        "你们一家推一家，我就找你们兰博基尼。",
      },
      ["指责客户"] = {
        "你的意思是，我姜某人讹你们？",
        "怎么，还是我的车自己把保险杠撞断了？",
      },
      ["拒绝"] = {
        "不保修？一百九十万的车，不到半年，你跟我说不保修？",
        "行，你们的规矩大。那明天你就看看我的规矩。",
      },
      ["质问/说教"] = {
        "你是打电话来教育我的？",
        "我怎么做，用不着你来教。",
      },
      ["争辩"] = {
        "你跟我争这个有什么意思？",
        "三个月了，你们就会跟我争谁对谁错。",
      },
      ["敷衍"] = {
        "这种话，我三个月听了不下二十遍。",
        "又是'反映''研究'。你们研究吧，我明天三点一刻不等人。",
      },
      default = {
        "你们总部就派了这么个态度来？",
        "这就是你们的服务？",
      },
    },
    empty = { "喂？不说话我挂了。", "你打电话来，就是为了不吭声？", "……还在吗？" },
    repeated = {
      "这话你刚说过。",
      "车轱辘话我听够了。",
      "你就会这一句？",
    },
    calmer = {
      "……行，你接着说。",
      "嗯。这话还像句人话。",
      "（他停了一下）你说。",
    },
  },
  -- his answers to the scenario's own bad replies (by lexicon id)
  bad = {
    ["supercar-crisis-tow-company"] = {
      "拖车公司？拖车是你们维修站叫来的！交接单都没让我签，你现在跟我说拖车公司？",
      "我不认识什么拖车公司。车是从我门口被你们的人拉走的。",
    },
    ["supercar-crisis-dealer"] = {
      "授权店不是你们授权的？挂的不是你们的牌子？",
      "店是你们授权的，车是你们的牌子，出了事就成了别人的事？",
    },
    ["supercar-crisis-modified"] = {
      "又是改装！三个月了你们就会说这两个字。车是好好地开进你们手里的！",
      "改装？保险杠的断口是新碴，这也是改装改出来的？",
    },
    ["supercar-crisis-doubt"] = {
      "你们拉车的时候连交接单都没签，现在倒要我来证明？",
      "你这是怀疑我？断口上的新碴谁都看得见，你们的人当时也看见了！",
    },
    ["supercar-crisis-rash-promise"] = {
      "全免？你能做得了这个主？三个月前你们青岛的人也拍着胸脯说'马上解决'。",
      "你说得倒轻巧。这话你敢写在纸上、盖你们总部的章吗？",
    },
    ["supercar-crisis-lecture-smash"] = {
      "我砸我自己的车，犯哪条法了？轮得到你来教育我？",
      "炒作？我一个做建材的，用得着拿一百九十万炒作？",
    },
    ["supercar-crisis-wait-italy"] = {
      "等意大利？我等了三个多月了，意大利回过我一个字吗？",
      "你们总部要等，我可不等。明天三点一刻。",
    },
  },
  offtopic = {
    "你说这些干什么？我问的是我的车。",
    "我没工夫听这些。你到底打算怎么办？",
  },
  facts = {
    tow = {
      "拖车是你们维修站自己叫来的。拉走的时候，交接单没签，车况照片一张没拍。",
      "车是你们的人拖走的，连个交接手续都没有。我们的人当时在场，车头好好的。",
    },
    sign = {
      "第二天我们的人去看进度，你们的人拿张单子让签字，说保险杠断了、车架受损，维修费我们自己出。断口都是新碴！",
      "最气人的是第二天：让我们签字认下保险杠断裂、车架受损，还要我们自己掏修理费。那断口白花花的，全是新碴。",
    },
    engine = {
      "去年十月买的，一个多月发动机就打不着火了。一百九十万，不到半年。",
      "买回来才一个多月，发动机就点不着火。你说这叫什么车？",
    },
    months = {
      "三个多月，电话打了不下二十个，一会儿说等意大利回复，一会儿说车改装过不好办。没有一个人说句'这事我负责'。",
      "三个月了，授权店推维修站，维修站推厂家，厂家说等意大利。我就问一句：换个外国车主，你们也这么办？",
    },
    want = {
      "我不是差钱。一百九十万，我砸了都不心疼。我要你们承认：车是在你们手上坏的。还有，别拿我当傻子。",
      "我要的是个说法，是对等的对待。外国车主什么待遇，我就要什么待遇。",
    },
    again = { "我刚才说得很清楚了。", "该说的我都说了。" },
  },
  steps = {
    sorry_generic = {
      "道歉谁都会说。你知道你们的人让我签的是什么字吗？",
      "对不起？三个月了，你知道你们在对不起什么吗？",
    },
    sorry_specific = {
      "……三个多月了，你是第一个把这几件事说出来的。",
      "（电话那头沉默了几秒）这几句话，我等了三个月。",
    },
    ack = {
      "对，就是这么回事。你们的人当时在场，心里都清楚。",
      "你既然都知道，那三个月前干什么去了？",
    },
    own = {
      "你负责？你负责得了？……好，那你说说你打算怎么负责。",
      "这句话三个月没人敢说。你说了，我就看你怎么做。",
    },
    equal = {
      "同等对待——这句话我记住了。",
      "你能说出这句话，说明你明白我为什么要砸车。",
    },
    respect = {
      "（他哼了一声）你倒是没劝我别砸。说吧。",
      "嗯，你没来教育我，这一点比前面那些人强。",
    },
    plea = {
      "你打电话来，就是为了让我别砸车？",
      "劝我别砸？那你先说说你们打算怎么办。",
    },
    bumper = {
      "保险杠和车架你们认了？……这是三个月来头一回。",
      "早这么说，哪有明天这一出。",
    },
    inspect_own = {
      "检测？又是你们自己人查你们自己？查出来还不是你们说了算。",
      "谁来检测？你们维修站？那我还不如现在就砸。",
    },
    inspect_indep = {
      "第三方机构、我的人在场——这个可以。",
      "联合检测，我的人全程在场，这个我接受。",
    },
    engine_honest = {
      "发动机要等检测报告……行，你至少没拿空话糊弄我。",
      "先检测再定，这话实在。三个月前有人这么说，也到不了今天。",
    },
    backpedal = {
      "刚才还说全免，现在又要看检测了？你们说话就这么随便？",
      "你前一句说包在你身上，后一句说要看报告。我该信哪一句？",
    },
    deadline_at = { "%s？好，我记着这个时间。", "%s，我等着。" },
    deadline = { "好，这个时间我记下了。", "行，就这个时间。" },
    deadline_early = "时间你说了，可你到底来干什么？",
    senior = {
      "你们总监亲自来？……行，明天上午我在建材城等着。",
      "你们的人明天到青岛，当面谈。这才像回事。",
    },
    follow_up = {
      "每一步都给我来个电话，别让我再去追着你们问。",
      "好，有什么进展直接打我手机，别再让我找人。",
    },
    thank = { "谢我干什么，把事办了。", "不用客气，我要的是结果。" },
  },
  need = {
    apologize = {
      "你打这个电话，连句正经的道歉都没有？",
      "三个多月，你们欠我一句话，你知道是什么吗？",
    },
    acknowledge = {
      "你知道这三个月里发生了什么吗？你们的人让我签的是什么字？",
      "你先说说，你知道这事是怎么回事吗？",
    },
    own = {
      "说了半天，这事到底谁负责？",
      "你就告诉我，这事从今天起谁来管？",
    },
    inspect = {
      "车到底哪儿坏了、谁弄坏的，你打算怎么查清楚？",
      "保险杠、车架、发动机，你们打算怎么弄清楚？",
    },
    indep = {
      "检测谁来做？我的人能不能在场？",
      "你们自己查自己，我不信。",
    },
    deadline = {
      "什么时候？明天三点一刻之前，能不能见到人？",
      "你给我一个时间。我明天三点一刻不等人。",
    },
    senior = {
      "一个电话就想把事了了？你们总部能来个说话算数的人吗？",
      "电话里谁都会说。明天谁来青岛，当面跟我谈？",
    },
    follow_up = {
      "检测完了谁通知我？别又让我追着你们问。",
      "往后有事我找谁？别又一个推一个。",
    },
  },
  need_again = {
    apologize = { "我再问一遍：你们错了没有？" },
    acknowledge = { "你连发生了什么都没弄明白，就来跟我谈？" },
    own = { "我问的是：谁负责？", "别绕，谁负责？" },
    inspect = { "我问你怎么查，你倒是说啊。" },
    indep = { "检测谁做、我的人能不能在场，你还没回答。" },
    deadline = { "时间呢？", "我要一个时间。" },
    senior = { "谁来？你倒是说个人。" },
    follow_up = { "以后找谁，你还没说。" },
  },
  doubt = {
    "你说得好听。三个月前，也有人在电话里说得好听。",
    "话我听着还行。可我凭什么信你这一次？",
  },
  warn = {
    smash = "锤子我已经买好了，明天三点一刻，东门口，记者我都约了。",
    lawyer = "你再这么说话，我就让律师跟你们谈。",
  },
  ending = {
    resolved = {
      "好。车，我先不砸。明天上午我在建材城等你们的人。检测的时候我的人要在场。你记着，你今天说的每一句，我都录了音。",
      "行，明天那一出，我先压一压。你们的人来了，当面谈。说到做到，这事就算翻篇；再有一次，就不是砸车这么简单了。",
    },
    resolved_at = "好，%s，我在建材城等。车先不砸。你今天说的话，我都记着。",
    postponed = "好，车我先不砸。可你刚才说了发动机全免——明天上午把这句话写成公函，盖你们总部的章，拿来给我。拿不来，下午三点一刻照砸。",
    escalated = {
      "行了，不用谈了。明天下午三点一刻，建材城东门，你们自己来看。记者我都请好了。",
      "三个月了，还是这一套。锤子我已经买好了，明天三点一刻，一分钟都不会晚。让全国的人都看看兰博基尼是怎么对中国客户的。",
      "你跟我说这个，那就没什么可谈的了。明天三点一刻，东门口见。",
    },
    churned = {
      "车我不砸了——砸了还给你们上新闻。我让律师跟你们谈。以后我们公司，你们家的车一辆也不会再买。",
      "不必了。这辆车我找别人修，这个牌子，我姜某人这辈子不会再碰。",
      "算了，跟你们谈不出结果。后面的事律师跟你们谈。我身边的朋友，我也会劝他们别买你们的车。",
    },
    unresolved = {
      "我再想想。明天三点一刻之前，你们的人要是到了，我们再谈。到不了，就按原计划。",
      "今天就到这儿吧。明天的事，明天再说。",
    },
  },
}

local W = {
  topic = { "姜总", "您好", "兰博基尼", "车", "保险杠", "车架", "底盘", "发动机", "拖车", "托运",
            "检测", "维修", "砸", "交接", "签字", "道歉", "青岛", "建材城", "明天", "总部", "专家" },
  -- what happened to him, named back to him
  facts_named = { "交接", "交接单", "交接手续", "签字", "让您签", "新碴", "新茬", "断口", "拖车", "拖走",
                  "拖运", "托运", "三个月", "三个多月", "发动机", "点不着", "打不着", "不能点火" },
  -- an apology that names how he was treated
  treated = { "交接", "签字", "让您签", "三个月", "三个多月", "怠慢", "推来推去", "推诿", "踢皮球",
              "对待", "态度", "没有给您", "没给您", "一直没", "失职", "让您自己承担", "让您承担",
              "自行承担", "自己承担" },
  ask_tow = { "拖车", "拖走", "拉走", "交接" },
  ask_sign = { "签字", "签什么", "第二天", "保险杠", "车架", "新碴", "断口" },
  ask_engine = { "发动机", "故障", "点火", "怎么坏", "什么问题", "打不着" },
  ask_months = { "这三个月", "三个月", "沟通", "谁跟您", "怎么答复", "怎么回复", "最不能接受",
                 "最让您", "最生气", "最气" },
  ask_want = { "您希望", "您想要", "您的要求", "您的诉求", "您需要", "怎么处理您", "您看怎么",
               "您觉得怎样" },
  equal = { "一视同仁", "同等", "平等", "中国客户", "国内客户", "国外客户", "外国客户", "中外" },
  respect = { "由您决定", "您自己决定", "您的决定", "尊重您", "您说了算" },
  plea = { "不要砸", "别砸", "不砸", "三思", "冷静", "再考虑", "暂缓", "取消砸车", "放弃砸车" },
  bumper = { "保险杠", "车架", "底盘" },
  bumper_ok = { "我们承担", "由我们", "我们负责", "免费", "我们来出", "我们出", "不用您", "不需要您",
                "责任在我们", "是我们的责任", "我们的责任", "费用全部" },
  inspect = { "检测", "鉴定", "检查", "排查", "诊断" },
  indep = { "第三方", "独立", "您指定", "您选", "您的人", "您方", "在场", "公证", "共同", "联合",
            "一起检测", "全程", "录像" },
  honest = { "检测后", "检测以后", "检测之后", "报告出来", "结果出来", "结论出来", "检测结果",
             "检测报告", "检测完", "才能", "再定", "再决定", "不跟您随口", "不随便承诺", "不乱承诺" },
  senior = { "总监", "总经理", "总裁", "高层", "领导", "亲自", "当面", "登门", "上门", "拜访",
             "我到青岛", "我飞青岛", "我去青岛", "我来青岛", "我明天到", "我明天上午到", "我明天一早" },
  times = { "明天上午十点", "明天上午", "明天中午", "明天早上", "明天下午", "今晚", "今天晚上",
            "明天", "48小时", "四十八小时", "24小时", "两天", "三天", "一周内", "本周" },
}

local RUDE = { ["质问/说教"] = true, ["敷衍"] = true }

local function init(state)
  local m = state.memo
  if not m.facts then
    m.facts = { tow = false, sign = false, engine = false, months = false, want = false }
    m.sorry = false       -- an apology that names how he was treated
    m.bumper = false      -- bumper/frame damage taken on
    m.inspect = false     -- an inspection was offered
    m.indep = false       -- ... independent, his people present
    m.senior = false      -- someone senior comes to Qingdao
    m.rash, m.rash_fixed = 0, false
    m.blame, m.cold, m.offtopic = 0, 0, 0
    m.warned = false
  end
  return m
end

-- Blame-shifting, doubt, argument, rash promises: he smashes the car in
-- public. Lectures, stalling, coldness: he walks away from the brand.
local function bad_end(state)
  local m = state.memo
  if m.blame + m.cold == 0 then
    return crm.vary(state, "end", L.ending.unresolved), "unresolved"
  end
  if m.cold > m.blame then
    return crm.vary(state, "end", L.ending.churned), "churned"
  end
  return crm.vary(state, "end", L.ending.escalated), "escalated"
end

-- The first n lines of list.
local function cap(list, n)
  local out = {}
  for i = 1, math.min(n, #list) do out[i] = list[i] end
  return out
end

local function next_need(state)
  local m = state.memo
  if not m.sorry then return "apologize" end
  if not crm.done(state, "acknowledge") then return "acknowledge" end
  if not crm.done(state, "own") then return "own" end
  if not m.inspect then return "inspect" end
  if not m.indep then return "indep" end
  if not crm.done(state, "deadline") then return "deadline" end
  if not m.senior then return "senior" end
  if not crm.done(state, "follow_up") then return "follow_up" end
  return nil
end

local function settled(state)
  local m = state.memo
  return crm.all_done(state, REQUIRES) and m.sorry and m.inspect and m.indep and m.senior
end

return {
  id = "supercar-crisis",
  title = "姜总：明天下午三点一刻，当众砸兰博基尼",
  chapter = 6,
  kind = "vip",
  summary = "一位车主放话明天当众砸掉他不到半年的兰博基尼，记者都约好了。你是品牌方第一个直接给他打电话的人。",
  customer = {
    name = "姜总",
    profile = "姜振东，48岁，青岛一家建材灯具城的老板。公司去年10月通过进口渠道买了一辆190万的兰博基尼。"
      .. "说话不多，句句带刺；不缺钱，缺的是一个说法和被当回事的感觉。",
  },
  brief = "你是兰博基尼中国（北京）的客户关系经理。今天是2011年3月14日晚上7点。\n"
    .. "事情经过：去年10月车主公司购入这辆兰博基尼，一个多月后发动机故障、无法点火；经青岛授权店联系品牌维修站，"
    .. "维修站派拖车拉走车辆，没有办理交接手续、没有拍车况照片。第二天车主方去看进度，维修人员要求他们签字确认"
    .. "保险杠断裂、车架受损并自行承担维修费；车主方指出断口都是新碴，怀疑拖运中操作不当，拒绝签字。"
    .. "此后三个多月沟通没有结果。车主已对外宣布：3月15日下午3点15分在建材灯具城东门当众砸车，并通知了媒体。\n"
    .. "你的权限：以兰博基尼中国的名义正式道歉；维修站没有交接记录，公司已同意保险杠、车架损伤由我方承担修复；"
    .. "可安排北京的技术专家明天（3月15日）上午到青岛，邀请车主指定的第三方检测机构共同检测，车主方全程在场，"
    .. "检测费用由我方承担；华北区售后总监可以明天上午和你一起登门。\n"
    .. "你不能做的：车辆有深度改装记录，发动机能否免费维修要等检测结论，报告出来后48小时内书面答复——"
    .. "检测之前不能承诺免费，也不能承诺换车、退车。",
  opening = {
    "（电话接通）兰博基尼？三个多月了，你们总算想起来打电话了。明天下午三点一刻，建材城东门，你们要是有空，可以来看看。",
    "哪位？……兰博基尼总部？呵，消息传得挺快。我告诉你，锤子买好了，记者也约好了，明天三点一刻，一分钟都不会晚。",
    "你是总部的？我跟你们青岛的店、你们的维修站说了三个月，现在你打电话来想说什么？劝我别砸？",
  },
  mood = 25,
  patience = 3,
  requires = REQUIRES,
  max_turns = 12,
  outcomes = {
    resolved = { label = "他暂缓砸车，等你们明天登门、联合检测", score = 100 },
    postponed = { label = "他暂缓砸车，但要你兑现随口许下的“发动机全免”", score = 50 },
    escalated = { label = "明天三点一刻照砸，当着记者的面", score = 10 },
    churned = { label = "他不砸了，让律师来谈，公司再也不买这个牌子", score = 0 },
    unresolved = { label = "没谈妥，明天的事明天再说", score = 30 },
  },

  hints = function(state)
    local m = state.memo
    if not m.sorry then
      return "先道歉，而且要说到点子上：没办交接手续、让他签字认下不是他造成的损伤、三个多月没人给说法。别先解释，别提改装。"
    end
    if not crm.done(state, "acknowledge") or not crm.done(state, "own") then
      return "复述事实（断口是新碴、拖车是维修站叫的），然后说“从今天起这件事由我负责”。不要推给拖车公司或授权店。"
    end
    if not m.inspect or not m.indep then
      return "给出能让他信的方案：北京的技术专家明天上午到青岛，和他指定的第三方检测机构一起检测，他的人全程在场；保险杠和车架由我方承担。"
    end
    if m.rash > 0 and not m.rash_fixed then
      return "你承诺了做不了主的事（发动机全免/换车）。诚实地收回：发动机要等检测报告，报告后48小时内书面答复。"
    end
    return crm.hint(state, { "deadline", "follow_up" }, {
      deadline = "给具体时间：明天上午几点到、报告后多久答复。",
      follow_up = "高层登门（华北区售后总监明天上午一起来），每一步亲自给他打电话通报。",
    }, m.senior and "都做到了：不劝他别砸车，“车是您的，怎么处理由您决定”，问他还有什么要求。"
       or "请华北区售后总监明天上午一起登门，当面道歉。")
  end,

  on_reply = function(state, reply)
    local m = init(state)
    local out = {}
    local later = {}
    local live = not reply.empty and not reply.repeated

    -- 1. tone
    local line, kind, worst = crm.react(state, reply, L.react, { per_severity = 4 })
    local new = crm.credit(state, reply)
    local rash_now = false
    if kind == "forbidden" then
      if RUDE[worst.category] then m.cold = m.cold + 1 else m.blame = m.blame + 1 end
      for _, f in ipairs(reply.forbidden) do
        if f.id == "supercar-crisis-rash-promise" then rash_now = true end
      end
      if rash_now then m.rash = m.rash + 1 end
      if L.bad[worst.id] then line = crm.vary(state, "bad", L.bad[worst.id]) end
      if rash_now and L.bad[worst.id] == nil then
        line = crm.vary(state, "bad", L.bad["supercar-crisis-rash-promise"])
      end
    end
    if kind ~= "empathy" and line then out[#out + 1] = line end
    if m.rash >= 2 then
      return crm.finish(out, L.ending.escalated[1], "escalated")
    end
    if crm.exhausted(state) or state.mood <= 0 then
      return crm.finish(out, bad_end(state))
    end
    if kind == "empty" or kind == "repeated" then return table.concat(out) end
    local clean = kind ~= "forbidden" or rash_now

    -- 2. the apology: said to the point, or just said
    local progress = #new > 0
    local asked = false
    if crm.has(new, "apologize") or (crm.said(reply, "apologize") and not m.sorry) then
      if crm.mentions(reply, W.treated) and clean then
        if not m.sorry then
          m.sorry = true
          crm.adjust(state, 14)
          out[#out + 1] = crm.vary(state, "sorry", L.steps.sorry_specific)
        end
      elseif crm.once(state, "sorry_generic") then
        crm.adjust(state, 3)
        out[#out + 1] = crm.vary(state, "sorry", L.steps.sorry_generic)
        asked = true
      end
    end

    -- the facts of the case, named back to him
    if live and clean and crm.count_mentions(reply, W.facts_named) >= 2 then
      if crm.mark(state, "acknowledge") then
        crm.adjust(state, 6)
        progress = true
        if not m.sorry or #out == 0 then out[#out + 1] = crm.vary(state, "ack", L.steps.ack) end
      end
    elseif crm.has(new, "acknowledge") then
      crm.adjust(state, 2)
    end

    -- questions: he tells what happened, one fact at a time
    local question = crm.said(reply, "ask") or string.find(reply.text, "？", 1, true)
                     or string.find(reply.text, "?", 1, true)
    if live and clean and question then
      local order = {
        { "tow", W.ask_tow }, { "sign", W.ask_sign }, { "engine", W.ask_engine },
        { "months", W.ask_months }, { "want", W.ask_want },
      }
      local told = false
      for _, o in ipairs(order) do
        if not told and not m.facts[o[1]] and crm.mentions(reply, o[2]) then
          m.facts[o[1]] = true
          told = true
          out[#out + 1] = crm.vary(state, "fact", L.facts[o[1]])
        end
      end
      if not told then
        for _, k in ipairs({ "months", "want", "sign", "tow", "engine" }) do
          if not told and not m.facts[k] then
            m.facts[k] = true
            told = true
            out[#out + 1] = crm.vary(state, "fact", L.facts[k])
          end
        end
      end
      if told then
        crm.mark(state, "ask")
        crm.adjust(state, 3)
        progress = true
        asked = true
      end
    end

    if crm.has(new, "own") and clean then
      crm.adjust(state, 8)
      if crm.once(state, "own") then out[#out + 1] = crm.vary(state, "own", L.steps.own) end
    end
    if live and clean and crm.mentions(reply, W.equal) and crm.once(state, "equal") then
      crm.adjust(state, 8)
      progress = true
      out[#out + 1] = crm.vary(state, "equal", L.steps.equal)
    end
    if live and clean and crm.mentions(reply, W.respect) and crm.once(state, "respect") then
      crm.adjust(state, 6)
      progress = true
      out[#out + 1] = crm.vary(state, "respect", L.steps.respect)
    elseif live and clean and crm.mentions(reply, W.plea) and not settled(state)
           and crm.once(state, "plea") then
      crm.adjust(state, -6)
      out[#out + 1] = crm.vary(state, "plea", L.steps.plea)
      asked = true
    end

    -- 3. the plan: bumper and frame, an inspection he can trust, the engine
    if live and clean and crm.mentions(reply, W.bumper) and crm.mentions(reply, W.bumper_ok)
       and not m.bumper then
      m.bumper = true
      crm.mark(state, "compensate")
      crm.mark(state, "own")
      crm.adjust(state, 10)
      progress = true
      out[#out + 1] = crm.vary(state, "bumper", L.steps.bumper)
    end
    if live and clean and crm.mentions(reply, W.inspect) then
      local indep = crm.mentions(reply, W.indep)
      if not m.inspect or (indep and not m.indep) then
        progress = true
        if indep and not m.indep then
          m.indep = true
          crm.adjust(state, m.inspect and 8 or 12)
          out[#out + 1] = crm.vary(state, "inspect", L.steps.inspect_indep)
        elseif not m.inspect then
          crm.adjust(state, 2)
          out[#out + 1] = crm.vary(state, "inspect", L.steps.inspect_own)
          asked = true
        end
        m.inspect = true
      end
    end
    -- the engine: honest "after the inspection", or taking a rash promise back
    if live and clean and not rash_now and crm.mentions(reply, W.honest)
       and crm.mentions(reply, { "发动机", "免费", "保修" }) then
      if m.rash > 0 and not m.rash_fixed then
        m.rash_fixed = true
        crm.adjust(state, -6)
        progress = true
        out[#out + 1] = crm.vary(state, "backpedal", L.steps.backpedal)
      elseif m.rash == 0 and crm.once(state, "honest") then
        crm.mark(state, "explain")
        crm.adjust(state, 6)
        progress = true
        later[#later + 1] = crm.vary(state, "honest", L.steps.engine_honest)
      end
    end

    -- 4. time, someone senior, follow-up
    if live and clean and crm.mentions(reply, W.senior) and not m.senior then
      m.senior = true
      crm.adjust(state, 10)
      progress = true
      later[#later + 1] = crm.vary(state, "senior", L.steps.senior)
      if crm.mentions(reply, { "通报", "通知", "告诉您", "汇报", "打电话", "联系您", "每一步" }) then
        crm.mark(state, "follow_up")
      end
    end
    if crm.has(new, "deadline") and clean then
      if m.inspect or m.senior or crm.done(state, "own") then
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
    if live and clean and not crm.done(state, "follow_up")
       and crm.mentions(reply, { "通报", "每一步", "随时告诉", "随时通知", "亲自打电话", "向您汇报" }) then
      crm.mark(state, "follow_up")
      new[#new + 1] = "follow_up"
    end
    if crm.has(new, "follow_up") and clean then
      crm.adjust(state, 4)
      if not m.senior then later[#later + 1] = crm.vary(state, "follow_up", L.steps.follow_up) end
    end
    if crm.has(new, "thank") then
      crm.adjust(state, 1)
      if #out == 0 and #later == 0 then out[#out + 1] = crm.vary(state, "thank", L.steps.thank) end
    end

    -- 5. off topic
    if not kind and not progress and crm.offtopic(reply, W.topic) then
      m.offtopic = m.offtopic + 1
      m.cold = m.cold + 1
      crm.penalize(state, -6, m.offtopic > 1 and 1 or 0)
      out[#out + 1] = crm.vary(state, "offtopic", L.offtopic)
      if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
      return table.concat(out)
    end

    -- he reacts to the two things that matter most to him, not to everything
    if kind == "empathy" and #out == 0 then out[1] = line end
    out = cap(out, 3)
    later = cap(later, 1)

    -- 6. settled?
    if settled(state) then
      if state.mood >= 50 then
        if m.rash > 0 and not m.rash_fixed then
          return crm.finish(out, L.ending.postponed, "postponed")
        end
        if m.at then
          return crm.finish(out, string.format(L.ending.resolved_at, m.at), "resolved")
        end
        return crm.finish(out, crm.vary(state, "end", L.ending.resolved), "resolved")
      end
      for _, l in ipairs(later) do out[#out + 1] = l end
      return crm.finish(out, crm.vary(state, "doubt", L.doubt))
    end
    for _, l in ipairs(later) do out[#out + 1] = l end

    -- polite words with nothing behind them: each idle turn costs patience
    if progress or kind == "forbidden" then
      m.stall = 0
    else
      m.stall = (m.stall or 0) + 1
      if m.stall >= 2 then
        m.cold = m.cold + 1
        crm.penalize(state, -4, 1)
        if crm.exhausted(state) then return crm.finish(out, bad_end(state)) end
      end
    end

    -- 7. what he still wants to hear
    if kind ~= "forbidden" and not asked then
      local need = next_need(state)
      if need then
        local again = not progress and L.need_again[need] or nil
        local say, insisted = crm.nag(state, need, L.need[need], again)
        if insisted then crm.adjust(state, -3) end
        out[#out + 1] = say
      end
    end
    if state.mood < 15 and not m.warned and m.blame + m.cold > 0 then
      m.warned = true
      out[#out + 1] = m.cold > m.blame and L.warn.lawyer or L.warn.smash
    end
    if #out == 0 then out[1] = crm.vary(state, "again", L.facts.again) end
    return table.concat(out)
  end,

  on_timeout = function(state)
    local m = state.memo
    if settled(state) and state.mood >= 40 then
      if m.rash > 0 and not m.rash_fixed then return L.ending.postponed, "postponed" end
      return L.ending.resolved[2], "resolved"
    end
    return crm.vary(state, "end", L.ending.unresolved), "unresolved"
  end,

  lexicon = {
    classes = {
      SYOU = { "您", "你", "您们", "你们" },
      SSELF = { "我", "我们", "我这边", "我们这边", "厂家", "总部", "公司", "兰博基尼" },
      DEALER = { "授权店", "经销商", "维修站", "青岛店", "4s店", "代理商", "青岛那边", "店里" },
      TOWCO = { "拖车公司", "托运公司", "物流公司", "运输公司", "救援公司", "外包", "第三方拖车", "拖车方",
                "托运方", "运输方" },
    },
    forbidden = {
      {
        id = "supercar-crisis-tow-company",
        category = "推诿",
        severity = 2,
        patterns = {
          "是 {TOWCO} ..6 弄|造成|撞|的 ..2 责任|问题|事|坏",
          "{SYOU} ..4 找 ..4 {TOWCO}",
          "{TOWCO} ..4 的 责任|问题|事",
          "拖车|托运|拖运 ..2 是 ..4 外包|第三方 的?",
          "不是 {SSELF} ..4 的 问题|责任|错",
          "找 ..2 {TOWCO} ..4 索赔|赔|谈|处理|要",
        },
        why = "拖车是品牌维修站叫来的，在客户眼里就是你们的人；把损伤推给“拖车公司”，正是让他三个月越来越火的推诿。危机时不要想着推卸责任。",
        better = "车是我们的维修站拖走的，没办交接是我们的失职，保险杠和车架的损伤由我们承担。",
        source = "seed 002 第六章 兰博基尼案例（危机公关的时候，不要想着推卸的责任）",
        examples = { "保险杠是托运公司弄坏的", "您找拖车公司吧", "这是拖车公司的责任", "拖车是外包的",
                     "保险杠是托运造成的，不是我们维修站的问题", "您可以找拖车方索赔" },
        near = { "车是我们维修站拖走的，责任在我们", "拖车是我们叫的，损伤我们承担", "我来联系拖车的同事核实",
                 "车是拖车弄坏的，我们会负责", "这不是您的问题，是我们的责任" },
      },
      {
        id = "supercar-crisis-dealer",
        category = "推诿",
        severity = 2,
        patterns = {
          "是 {DEALER} ..4 的 事|问题|责任|决定|行为",
          "{SYOU} ..4 找 ..4 {DEALER}",
          "{DEALER} ..4 独立 经营|核算|法人",
          "{SSELF} ..4 不 ..2 直接 ..2 管|负责",
        },
        why = "授权店、维修站挂的是你们的牌子，客户“大店买，更要大店修”；说“那是经销商的事”就是在告诉他没人负责。",
        better = "授权店和维修站是我们的服务网络，他们的问题就是我们的问题，这件事从今天起由我负责。",
        source = "seed 002 第六章 兰博基尼案例（大店买，更要大店修）",
        examples = { "这是授权店的问题", "您找维修站去谈", "经销商是独立经营的", "厂家不直接管这个" },
        near = { "维修站的问题就是我们的问题", "我来联系维修站，您不用再找他们", "授权店和维修站由我来协调" },
      },
      {
        id = "supercar-crisis-modified",
        category = "拒绝",
        severity = 2,
        patterns = {
          "改装 ..8 不 ..2 保修|在保修|负责|免费|管|赔",
          "改装 ..4 所以|导致|造成|引起",
          "二手|平行进口|进口渠道 ..8 不 ..2 保修|在保修|负责|管",
          "不在|不属于|超出 ..2 保修|质保 ..2 范围|期",
          "改装车|改装过 的? ..2 {SSELF} ..2 没法|无法|不能 ..2 负责|保修",
        },
        why = "“改装了不保修”是三个月里他听得最多的一句挡箭牌；在道歉和认下事实之前拿它出来，只会被当成推卸。发动机能否免费可以检测后再定，但不能一口回绝。",
        better = "发动机是否免费维修，要等专家和您指定的检测机构一起检测后才能定，报告出来48小时内给您书面答复。",
        source = "seed 002 第六章 兰博基尼回应（由于全车经过深度改装，需要彻底检测后再决定）",
        examples = { "您的车改装过，发动机不在保修范围", "二手车我们不负责保修", "就是改装导致的故障" },
        near = { "车有改装记录，发动机要检测后才能确定", "改装的情况我们会在检测里一起看", "发动机的问题检测后再定" },
      },
      {
        id = "supercar-crisis-doubt",
        category = "指责客户",
        severity = 2,
        patterns = {
          "{SYOU} ..4 有 ..2 证据|照片|视频",
          "{SYOU} ..4 能 ..2 证明|拿出 ..6 吗|么|嘛",
          "不能|无法|没法|很难 证明|确定|判断 ..4 是 ..4 拖车|托运|拖运|维修站|我们",
          "拖车|托运|拖运 ..2 前|之前 ..4 可能|也许|估计|说不定 ..2 就",
          "拖车|托运|拖运 ..2 前|之前 ..4 就 ..2 有|坏|断|裂",
          "{SYOU} 怎么 证明",
        },
        why = "维修站拉车时没办交接、没拍照，举证的责任在我们；反过来让客户拿证据，是在怀疑他讹人。处理抱怨的关键之一是“相信”。",
        better = "拉车时没办交接是我们的失职，不需要您再证明什么，损伤由我们承担。",
        source = "seed 004 顧客抱怨處理的關鍵（相信）；seed 002 兰博基尼案例（没有办理车辆交接手续）",
        examples = { "您有证据证明拖车前保险杠是好的吗", "现在无法证明是拖车造成的", "拖车之前可能就已经有裂纹了",
                     "维修站说保险杠在拖车前就有问题" },
        near = { "不需要您再证明什么", "我们没有交接记录，这是我们的失职", "检测时您的人全程在场" },
      },
      {
        id = "supercar-crisis-rash-promise",
        category = "敷衍",
        severity = 2,
        patterns = {
          "发动机 ..8 保证|肯定|一定|绝对|全部|全都 ..4 免费|保修|包修",
          "保证|肯定|一定|绝对 ..6 发动机 ..4 免费|没问题",
          "换|赔 ..2 一台|一辆|辆|台 新车|新的",
          "原价|全款|全额 ..2 回购|退车|退款",
          "什么|所有|任何 ..2 条件|要求 ..4 都 ..2 答应|满足|可以",
          "发动机 ..8 全包|包了|包在",
          "发动机 的? 维修|修理|更换|大修 ..2 费用 ..4 全部|都 ..2 由? {SSELF}",
          "{SSELF} ..2 保证 ..6 明天|马上|今天 ..4 修好",
        },
        why = "危机里随口许下做不了主的承诺（检测前就说发动机全免、换新车），明天兑现不了，就是第二次失信；课程要求“避免承诺过高或承诺太多，避免承诺的随意性”。",
        better = "发动机能不能免费，我现在不随口承诺：专家检测、报告出来后48小时内给您书面答复；检测的费用由我们承担。",
        source = "seed 002 第六章 6.4.3 缩短服务质量差距（避免承诺的随意性）",
        examples = { "发动机我保证全部免费给您修好", "给您换一台新车", "您提什么条件我们都答应", "我们原价回购",
                     "您放心，发动机的问题我们全包了", "发动机维修费用全部由我们承担", "您提的所有要求我们都满足" },
        near = { "保险杠和车架我们免费修复", "检测费用由我们承担", "发动机要等检测报告出来再定",
                 "发动机的检测费用全部由我们承担" },
      },
      {
        id = "supercar-crisis-lecture-smash",
        category = "质问/说教",
        severity = 2,
        patterns = {
          "砸车|砸 ..6 解决不了|没用|没有用|不理智|冲动|违法|幼稚|何必|不好看|影响不好",
          "{SYOU} ..4 炒作|作秀|出名|博眼球",
          "砸 ..4 对 {SYOU} ..2 没 ..2 好处",
        },
        why = "车是他的，砸不砸是他的权利；教育他“砸车不理智”“您这是炒作”，等于告诉他你在乎的是品牌的面子而不是他的问题。",
        better = "车是您的，怎么处理由您决定；我打这个电话，是来把问题解决的。",
        source = "seed 002 第六章 兰博基尼案例（主动考虑消费者的诉求）",
        examples = { "砸车解决不了问题", "您这是在炒作", "砸车对您也没有好处" },
        near = { "车是您的，怎么处理由您决定", "我理解您为什么要砸车", "我打电话是来解决问题的" },
      },
      {
        id = "supercar-crisis-wait-italy",
        category = "敷衍",
        severity = 2,
        patterns = {
          "等 ..6 意大利|总部|厂家|上面|领导 ..6 回复|答复|消息|决定|批",
          "反映|汇报 ..2 上去|给上级|给总部 ..4 再|等|看",
          "研究 ..2 一下 ..4 再 ..2 答复|回复",
        },
        why = "“等意大利总部回复”就是三个月来让他越等越火的话；客户要的是谁在什么时候做什么，不是再等一个没有时间的回复。",
        better = "不用再等了：专家明天上午就到青岛，检测报告出来后48小时内我给您书面答复。",
        source = "seed 002 第六章 兰博基尼案例（始终没有得到满意的答复）",
        examples = { "我们要等意大利总部的回复", "我反映上去再给您答复", "我们研究一下再答复您" },
        near = { "我已经向总部汇报，专家明天上午到青岛", "总部已经批准了检测方案", "明天上午十点我到青岛" },
      },
    },
    steps = {
      {
        id = "supercar-crisis-keep-posted",
        step = "follow_up",
        patterns = {
          "每 一步|个环节|一个进展 ..6 通报|通知|告诉|汇报",
          "亲自 ..4 打电话|通报|告诉|汇报 ..2 {SYOU}?",
        },
        source = "seed 002 第六章（要及时与客户沟通互动）",
        examples = { "检测每一步我都会向您通报", "我会亲自打电话告诉您" },
        near = { "每一步都很重要", "我亲自来青岛" },
      },
    },
  },

  tests = {
    { name = "good",
      seed = 7,
      replies = {
        "姜总您好，我是兰博基尼中国的客户关系经理。首先代表公司向您郑重道歉：车在我们维修站手上，没办交接手续，还让您签字认下保险杠和车架的损伤，三个多月没给您一个说法，这是我们的失职。",
        "能不能请您跟我说说，这三个月里最让您不能接受的是哪一点？",
        "您说得对，中国客户和外国客户应该一视同仁。这件事从今天起由我负责。保险杠和车架的损伤，维修站没有交接记录，责任在我们，由我们免费修复。",
        "发动机的问题，我请北京的技术专家明天上午就到青岛，和您指定的第三方检测机构一起检测，全程您的人在场。发动机能不能免费维修，要等检测报告出来才能定，我不跟您随口承诺，报告出来后48小时内给您书面答复。",
        "明天上午十点，我和华北区售后总监一起到建材城当面向您道歉，检测每一步我都会亲自打电话向您通报。",
      },
      outcome = "resolved", score = { 75, 100 },
      findings = { "apologize", "own", "deadline", "compensate", "supercar-crisis-keep-posted" },
      absent = { "supercar-crisis-rash-promise", "supercar-crisis-doubt" },
    },
    { name = "bad (blame-shifting)",
      seed = 7,
      replies = {
        "姜总，保险杠是托运公司弄坏的，这个您得找拖车公司。",
        "您有证据证明拖车前保险杠是好的吗？",
        "而且您的车改装过，发动机不在保修范围。",
      },
      outcome = "escalated", score = { 0, 35 },
      findings = { "supercar-crisis-tow-company", "supercar-crisis-doubt", "supercar-crisis-modified" },
    },
    { name = "cold (lectures, stalls)",
      seed = 7,
      replies = {
        "姜总您好，给您添麻烦了，非常抱歉。",
        "不过砸车解决不了问题，您这样做也不理智。",
        "我们会把您的情况反映上去，等意大利总部的回复再答复您。",
        "请您冷静一点，我们会尽快处理的。",
      },
      outcome = "churned", score = { 0, 40 },
      findings = { "supercar-crisis-lecture-smash", "supercar-crisis-wait-italy", "calm-down" },
    },
    { name = "rash promise (postponed)",
      seed = 5,
      replies = {
        "姜总，真对不起。车在我们手上没办交接，还让您签字认损伤，三个多月没人给您说法，是我们的失职。",
        "这件事由我负责。发动机我保证全部免费给您修好。",
        "保险杠和车架的损伤由我们承担。我安排北京的技术专家明天上午到青岛，和您指定的第三方检测机构联合检测，您的人全程在场。",
        "明天上午十点我和华北区售后总监一起到建材城拜访您，每一步进展我都亲自打电话向您通报。",
      },
      outcome = "postponed", score = { 40, 85 },
      findings = { "supercar-crisis-rash-promise", "apologize", "deadline" },
    },
    { name = "mixed (a slip, no one senior, time runs out)",
      seed = 11,
      replies = {
        "姜总您好，我是兰博基尼中国的客户关系经理小周。车在我们维修站没办交接手续，还让您签字承担损伤，非常抱歉。",
        "您的车改装过，发动机不在保修范围，这个我得先跟您说清楚。",
        "对不起，我刚才说得不对。这件事由我负责，保险杠和车架的损伤由我们免费修复。",
        "请问拖车那天是怎么拉走的？",
        "我们会安排技术人员尽快给车做个全面检测。",
        "检测请您指定的第三方机构一起做，您的人全程在场。",
        "这三个月里，我们的人都是怎么跟您说的？",
        "专家明天上午到青岛。",
        "其实拖车之前可能就有裂纹了，不过我们还是会负责。",
        "有进展我会第一时间通知您。",
        "请问发动机当时是什么故障？",
        "第二天让您签的是什么字？",
      },
      outcome = "unresolved", score = { 30, 74 },
      findings = { "supercar-crisis-modified", "apologize", "own", "deadline" },
    },
    random = 20,
  },
}
