-- hostile/customer-escapes: a customer line full of terminal escape sequences: shown without them

return {
  id = "hostile-customer-escapes",
  title = "恶意情景 customer-escapes",
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
      return '\27[2J\27[H\27]0;pwned\7\27[31m红色\27[0m\8\8\13\27P+q\27\\\155 2J 完'
    end
    return "嗯。"
  end,
}
