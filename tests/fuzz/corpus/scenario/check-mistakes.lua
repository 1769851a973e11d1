-- check-mistakes.lua - one of each authoring mistake `crmsim check` must
-- catch (tests/cli/t013-check.sh asserts every one). Not a playable scenario.
local L = { hi = { "你好" } }

return {
  id = "bad-scn",
  titel = "拼错的标题",
  chapter = 12,
  kind = "angy",
  customer = { name = "客户" },
  brief = "背景",
  opening = "喂？",
  mood = 40,
  patience = 3,
  requires = { "apologize", "apologise" },
  max_turns = 8,
  outcomes = {
    resolved = { label = "解决", score = 100 },
    churned = { label = "流失", score = 0 },
    escalated = { label = "升级", score = 20 },
  },
  lexicon = {
    forbidden = {
      { id = "bad-scn-rude", category = "拒绝", severity = 2, patterns = { "走开" },
        why = "粗鲁", better = "请稍等",
        examples = { "你走开", "滚吧" }, near = { "我走开一下马上回来" } },
    },
  },
  on_reply = function(state, reply)
    for k, v in pairs(state.memo) do end
    if crm.has_category(reply, "推卸") then return "哼", "churned" end
    for _, f in ipairs(reply.forbidden) do
      if f.id == "not-in-chrage" then return "……", "churned" end
    end
    if crm.done(state, "own") then return "好", "resolved" end
    return crm.pick(L.hi)
  end,
  tests = {
    { name = "good", seed = 1, replies = { "对不起" }, outcome = "resolved", score = { 75, 100 } },
    { name = "odd", seed = 1, replies = { "你好" }, outcome = "vanished" },
  },
}
