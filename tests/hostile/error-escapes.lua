-- hostile/error-escapes: an error message full of terminal escape sequences

return {
  id = "hostile-error-escapes",
  title = "恶意情景 error-escapes",
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
      error('\27[2J\27[H\27]0;pwned\7\27[31mred\27[0m\27P+q\27\\ \155 2J')
    end
    return "嗯。"
  end,
}
