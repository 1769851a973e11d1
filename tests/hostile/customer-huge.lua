-- hostile/customer-huge: a customer line of 12 MB: shown truncated to the limit

return {
  id = "hostile-customer-huge",
  title = "恶意情景 customer-huge",
  chapter = 1,
  kind = "angry",
  customer = { name = "测试先生" },
  brief = "测试用情景。",
  opening = "喂，你好。",
  mood = 40,
  patience = 3,
  requires = { "apologize" },
  max_turns = 10,
  outcomes = {
    resolved = { label = "解决", score = 100 },
    churned = { label = "流失", score = 0 },
  },
  on_reply = function(state, reply)
    crm.credit(state, reply)
    do
      return string.rep('很长', 2000000)
    end
    return "嗯。"
  end,
}
