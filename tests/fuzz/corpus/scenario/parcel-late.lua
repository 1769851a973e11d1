-- parcel-late.lua - 张女士：生日礼物的快递晚了三天
-- 出处：自编练习（第五章 客户服务：先处理情绪，再处理事情）。
-- 学员要做：apologize 道歉，own 由自己去查，deadline 给出具体时间。
-- 结局：resolved 她接受；churned 她说以后不在这家买了。

local L = {
  react = {                     -- 交给 crm.react 的标准反应
    forbidden = {               -- 学员说了禁忌语：按类别挑一句
      ["推诿"] = { "别跟我说快递公司，我是在你们这儿买的！" },
      default = { "你这是什么态度？", "我不想听这个。" },
    },
    empty = { "喂？你还在吗？" },               -- 学员什么也没说
    repeated = { "这句你刚才说过了。" },         -- 学员重复了前面的话
    calmer = { "……嗯，你明白就好。", "我也不是故意发火。" },  -- 学员表达了共情
  },
  need = {                      -- 学员还没做到某一步时，客户主动追问
    own = { "你就说能不能帮我查到底在哪儿？", "我就想知道包裹现在在哪儿。" },
    deadline = { "那什么时候能送到？后天就是我妈生日了。" },
  },
  resolved = { "好，明天上午我等着。谢谢你啊。", "行，那我就等明天上午了。" },
  churned = { "算了，以后我不在你们这儿买了。" },
}

return {
  id = "parcel-late",
  title = "张女士：生日礼物的快递晚了三天",
  chapter = 5,
  kind = "angry",
  customer = { name = "张女士", profile = "给母亲买的生日礼物，快递晚了三天，后天就是生日。" },
  brief = "你是网店客服。订单显示包裹三天前到了本市中转站，之后没有更新。你可以联系快递公司催件。",
  opening = {
    "我三天前就该收到的包裹，到现在还没到！后天就是我妈生日了！",
    "你们这快递怎么回事？显示到了中转站，三天没动静了！",
  },
  mood = 30,          -- 0 暴怒 … 50 平静 … 100 非常满意
  patience = 3,       -- 能忍几次糟糕的回复
  requires = { "apologize", "own", "deadline" },
  max_turns = 10,
  outcomes = {
    resolved = { label = "客户接受处理方案", score = 100 },
    churned = { label = "客户说以后不再购买", score = 0 },
  },
  hints = { "先道歉，再说“我来帮您查”。", "给一个具体时间，比如“明天中午前”。" },

  on_reply = function(state, reply)
    -- 1. 语气：禁忌语扣心情和耐心，共情让她平静一点
    local line, kind = crm.react(state, reply, L.react)
    if crm.exhausted(state) then                      -- 耐心用完
      return crm.join(line, crm.pick(L.churned)), "churned"
    end
    -- 2. 步骤：批改找到的步骤记到 state.steps，并让心情变好
    local new = crm.credit(state, reply)
    if crm.has(new, "apologize") then crm.adjust(state, 10) end
    if crm.has(new, "own") then crm.adjust(state, 10) end
    if crm.has(new, "deadline") then crm.adjust(state, 10) end
    -- 3. 都做到了、心情也缓过来了：结束
    if crm.all_done(state, { "apologize", "own", "deadline" }) and state.mood >= 50 then
      return crm.join(line, crm.pick(L.resolved)), "resolved"
    end
    -- 4. 还差什么，她就追问什么
    local need = crm.first_missing(state, { "own", "deadline" })
    return crm.join(line, need and crm.vary(state, "need", L.need[need]) or "")
  end,

  on_timeout = function(state)                        -- 轮数用完
    return crm.pick(L.churned), "churned"
  end,
  tests = {
    { name = "good", seed = 3,
      replies = { "真抱歉让您着急了，我来帮您查包裹。",
                  "我已经联系快递公司加急，明天上午十点前送到。" },
      outcome = "resolved", score = { 75, 100 },
      findings = { "apologize", "own", "deadline" } },      -- 这些步骤/词条必须出现
    { name = "bad", seed = 3,
      replies = { "这不归我们管，你去问快递公司。", "我也没办法。", "爱等不等。" },
      outcome = "churned", score = { 0, 35 },
      findings = { "not-in-charge" }, absent = { "apologize" } },
    random = 20,    -- 另外再随机对话 20 次，必须都能正常结束
  },
}
