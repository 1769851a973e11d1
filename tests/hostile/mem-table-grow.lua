-- hostile/mem-table-grow: a table grown until memory runs out

return {
  id = "hostile-mem-table-grow",
  title = "恶意情景 mem-table-grow",
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
      local t = {}
      local i = 0
      while true do i = i + 1; t[i] = {i, i, i} end
    end
    return "嗯。"
  end,
}
