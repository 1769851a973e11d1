-- course.lua - the course crmsim teaches: the nine chapters of the syllabus
-- (seeds/000 教案: 54 学时, 实训 30), which scenarios belong to each, the
-- rubric (default weights and per-scenario overrides) and the practice and
-- exam settings. Read by `crmsim course`, `play`, `test` and the scorer.
return {
  title = "客户关系管理 · 情景模拟",
  default_scenario = "bank-card",

  -- 课程大纲：章、课堂学时、实训学时、本章的情景（按建议顺序）
  chapters = {
    { n = 1, title = "客户关系管理与竞争时代的营销理念", hours = 4, practice = 0, scenarios = {} },
    { n = 2, title = "客户关系管理概述", hours = 4, practice = 0, scenarios = {} },
    { n = 3, title = "识别客户", hours = 2, practice = 6, scenarios = { "chance-encounter" } },
    { n = 4, title = "建立客户关系", hours = 2, practice = 4, scenarios = { "retain-customer" } },
    { n = 5, title = "客户服务", hours = 4, practice = 4,
      scenarios = { "bank-card", "dividend-dispute", "other-dept-error", "mobile-bill" } },
    { n = 6, title = "客户满意度管理", hours = 4, practice = 2, scenarios = { "supercar-crisis" } },
    { n = 7, title = "客户忠诚度管理", hours = 4, practice = 2, scenarios = { "hotel-vip", "gold-card" } },
    { n = 8, title = "客户流失与客户保持", hours = 4, practice = 4,
      scenarios = { "aircon-repeat", "restaurant-food", "elderly-home-deposit" } },
    { n = 9, title = "客户关系管理系统", hours = 2, practice = 2, scenarios = {} },
  },

  -- 评分细则：每项满分（合计 100）
  weights = {
    language = 30,   -- 专业用语：每个禁忌语按严重程度扣分
    empathy = 20,    -- 共情：安抚情绪、理解客户
    steps = 30,      -- 处理步骤：情景要求的步骤完成比例
    outcome = 20,    -- 结果：情景结局对应的分数
  },
  -- 个别情景另定权重（同样合计 100）
  scenario_weights = {
    ["hotel-vip"] = { language = 25, empathy = 30, steps = 25, outcome = 20 },     -- VIP 更看重被重视的感觉
    ["chance-encounter"] = { language = 20, empathy = 20, steps = 40, outcome = 20 }, -- 开发客户重在步骤
  },
  hint_cost = 5,        -- 每次 /hint 扣 5 分
  per_severity = 15,    -- 每 1 级严重程度扣“专业用语”的 15%
  empathy_needed = 2,   -- 有 2 轮表达共情即得满分
  language_turns = 3,   -- 至少对话 3 轮，“专业用语”才能拿满分（只说一句就退出不算）

  -- 练习与考试
  practice = {
    hints = true,       -- 允许 /hint
    feedback = true,    -- 每轮即时点评
  },
  exam = {
    hints = false,
    feedback = false,
    attempts = 2,       -- 每个情景最多考 2 次
    minutes = 20,       -- 每次限时 20 分钟
    -- key = "…",       -- 考试密钥：决定每个学生的考题变体，并给会话记录签名。
    --                     不要写在发给学生的文件里：在考试机器上设置环境变量
    --                     CRMSIM_EXAM_KEY，批改时老师的机器上也设同一个值。
  },
}
