-- hostile/io-open: io.open: the io library is not there

return {
  id = "hostile-io-open",
  title = "恶意情景 io-open",
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
      local f = io.open('/etc/passwd')
      return f:read('a')
    end
    return "嗯。"
  end,
}
