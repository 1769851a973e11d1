-- hostile/mem-in-pcall: memory bomb inside pcall, retried: the error is caught but memory stays capped

return {
  id = "hostile-mem-in-pcall",
  title = "恶意情景 mem-in-pcall",
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
      local keep = {}
      for i = 1, 100 do keep[i] = select(2, pcall(string.rep, 'x', 1 << 28)) end
      local t = {}
      while true do t[#t + 1] = string.rep('y', 1 << 20) end
    end
    return "嗯。"
  end,
}
