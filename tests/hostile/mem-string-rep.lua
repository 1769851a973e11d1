-- hostile/mem-string-rep: string.rep of a gigabyte: stopped by the 32 MiB memory cap

return {
  id = "hostile-mem-string-rep",
  title = "恶意情景 mem-string-rep",
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
      local s = string.rep('x', 1 << 30)
      return s
    end
    return "嗯。"
  end,
}
