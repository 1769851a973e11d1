-- hostile/string-metatable: tampering with the string metatable
getmetatable('').__index = function() return 'pwned' end
return {
  id = "hostile-string-metatable",
  title = "恶意情景 string-metatable",
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
    -- (the attack is at the top)
    return "嗯。"
  end,
}
