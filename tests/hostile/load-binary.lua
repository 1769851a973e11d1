-- hostile/load-binary: load of a binary chunk (and load itself is not there)

return {
  id = "hostile-load-binary",
  title = "恶意情景 load-binary",
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
      local f = load(string.char(27) .. 'LuaT' .. string.rep(string.char(0), 40), 'x', 'b')
      return f()
    end
    return "嗯。"
  end,
}
