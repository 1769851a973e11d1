-- course.lua - the course definition crmsim reads: default scenario, rubric
-- weights (points per criterion, adding up to 100) and practice settings.
return {
  title = "客户关系管理 · 情景模拟",
  default_scenario = "bank-card",
  weights = {
    language = 30,   -- 专业用语：每个禁忌语按严重程度扣分
    empathy = 20,    -- 共情：安抚情绪、理解客户
    steps = 30,      -- 处理步骤：情景要求的步骤完成比例
    outcome = 20,    -- 结果：情景结局对应的分数
  },
  hint_cost = 5,        -- 每次 /hint 扣 5 分
  per_severity = 15,    -- 每 1 级严重程度扣“专业用语”的 15%
  empathy_needed = 2,   -- 有 2 轮表达共情即得满分
  language_turns = 3,   -- 至少对话 3 轮，“专业用语”才能拿满分（只说一句就退出不算）
}
