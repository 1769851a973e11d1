---@meta
-- crm-types.lua - type annotations for the Lua language server (LuaLS /
-- sumneko): autocompletion and checks for scenario files in editors such as
-- VS Code or Neovim. Never loaded by crmsim; see .luarc.json at the top of
-- the repository. The reference is course/persona-api.md.

---@alias crm.Step "apologize"|"acknowledge"|"ask"|"explain"|"own"|"contact"|"deadline"|"compensate"|"follow_up"|"thank"
---@alias crm.Kind "angry"|"churn"|"vip"|"wrong"|"prospect"|"loyalty"|"special"
---@alias crm.Category "推诿"|"指责客户"|"拒绝"|"质问/说教"|"争辩"|"敷衍"

---@class crm.Finding
---@field id string           lexicon entry id
---@field match string        the words as the trainee wrote them
---@field category? crm.Category  forbidden only
---@field severity? integer   forbidden only: 1..3
---@field why? string         forbidden only
---@field better? string      forbidden only

---@class crm.Reply
---@field text string         what the trainee typed
---@field norm string         folded text used for matching (Simplified, lower case, no spaces or punctuation)
---@field forbidden crm.Finding[]
---@field empathy crm.Finding[]
---@field steps crm.Step[]    step ids the grader found in this reply, sorted
---@field empty boolean       nothing but punctuation was said
---@field repeated boolean    the same as an earlier reply of this session
---@field turn integer        same as state.turn

---@class crm.State
---@field turn integer        current trainee turn (0 in on_start)
---@field mood number         0 furious … 100 delighted; clamped by the host
---@field patience number     bad turns left; kept >= 0 by the host
---@field steps table<crm.Step, integer>  step → turn it was first done
---@field memo table          the persona's own data (strings, numbers, booleans, tables)
---@field seed integer        the session seed (read only)
---@field max_turns integer   copy of the scenario's max_turns

---@class crm.Outcome
---@field label string        shown on the score card
---@field score integer       outcome points 0..100

---@class crm.Test
---@field name string
---@field seed integer
---@field replies string[]
---@field outcome string      expected outcome
---@field score? integer[]    { lo, hi } expected score range
---@field findings? string[]  ids (lexicon entries or steps) that must occur
---@field absent? string[]    ids that must not occur
---@field turn_findings? table<integer, string[]>

---@class crm.LexiconEntry
---@field id string
---@field category? crm.Category
---@field severity? integer
---@field step? crm.Step
---@field patterns string[]
---@field why? string
---@field better? string
---@field source? string
---@field examples? string[]
---@field near? string[]
---@field negatable? boolean

---@class crm.Scenario
---@field id string
---@field title string
---@field chapter integer     1..9
---@field kind crm.Kind
---@field summary? string
---@field customer { name: string, profile?: string }
---@field brief string
---@field opening string|string[]
---@field mood integer
---@field patience integer
---@field requires crm.Step[]
---@field max_turns integer
---@field outcomes table<string, crm.Outcome>
---@field hints? string[]|fun(state: crm.State): string
---@field on_start? fun(state: crm.State): string
---@field on_reply fun(state: crm.State, reply: crm.Reply): string?, string?
---@field on_timeout? fun(state: crm.State): string?, string?
---@field tests? crm.Test[]|{ random?: integer }
---@field lexicon? { classes?: table<string, string[]>, forbidden?: crm.LexiconEntry[], empathy?: crm.LexiconEntry[], steps?: crm.LexiconEntry[] }

---@class crm.ReactLines
---@field forbidden? table<string, string[]>  by category, plus `default`
---@field empty? string[]
---@field repeated? string[]
---@field calmer? string[]

---The helper library (scenarios/lib/crm.lua), read-only in scenarios.
---@class crmlib
crm = {}

---One element of list, chosen with the seeded math.random; a string is returned as is.
---@param list string[]|string
---@return string?
function crm.pick(list) end

---Like crm.pick but never the same element twice in a row for this key.
---@param state crm.State
---@param key string
---@param list string[]
---@return string?
function crm.vary(state, key, list) end

---pairs(t) in sorted key order: use it whenever the order reaches output or state.
---@generic K, V
---@param t table<K, V>
---@return fun(): K, V
function crm.sorted_pairs(t) end

---True when the array list contains value.
---@return boolean
function crm.has(list, value) end

---Concatenates the non-empty strings among the arguments.
---@param ... string?
---@return string
function crm.join(...) end

---Marks one step as done at this turn unless already done; true if new.
---@param state crm.State
---@param step crm.Step
---@return boolean
function crm.mark(state, step) end

---Credits the steps the grader found in reply (or only those in only_steps); returns the newly credited ones.
---@param state crm.State
---@param reply crm.Reply
---@param only_steps? crm.Step[]
---@return crm.Step[]
function crm.credit(state, reply, only_steps) end

---@param state crm.State
---@param step crm.Step
---@return boolean
function crm.done(state, step) end

---@param state crm.State
---@param steps crm.Step[]
---@return boolean
function crm.all_done(state, steps) end

---Steps of the list not done yet, sorted.
---@param state crm.State
---@param steps crm.Step[]
---@return crm.Step[]
function crm.missing(state, steps) end

---The first step of order not done yet.
---@param state crm.State
---@param order crm.Step[]
---@return crm.Step?
function crm.first_missing(state, order) end

---True when the grader found step in this very reply.
---@param reply crm.Reply
---@param step crm.Step
---@return boolean
function crm.said(reply, step) end

---The first of words (Simplified, lower case) found in reply.norm.
---@param reply crm.Reply
---@param words string|string[]
---@return string?
function crm.mentions(reply, words) end

---The word of the list that occurs first in reply.norm.
---@return string?
function crm.earliest(reply, words) end

---The time the trainee named ("今天下午四点"), to echo back.
---@return string?
function crm.when(reply, words) end

---How many different words of the list occur in reply.norm.
---@return integer
function crm.count_mentions(reply, words) end

---@param reply crm.Reply
---@return boolean
function crm.is_question(reply) end

---Sum of the severities of the forbidden findings.
---@param reply crm.Reply
---@return integer
function crm.severity(reply) end

---The most severe forbidden finding.
---@param reply crm.Reply
---@return crm.Finding?
function crm.worst(reply) end

---@param reply crm.Reply
---@param cat crm.Category
---@return boolean
function crm.has_category(reply, cat) end

---Nothing graded at all and not empty.
---@return boolean
function crm.quiet(reply) end

---Off topic: nothing graded and none of topic_words.
---@return boolean
function crm.offtopic(reply, topic_words) end

---Changes state.mood by delta (clamped 0..100); returns the new mood.
---@return number
function crm.adjust(state, delta) end

---A bad turn: mood by mood_delta, patience by patience_delta (default 1); returns patience.
---@return number
function crm.penalize(state, mood_delta, patience_delta) end

---True when no patience is left.
---@return boolean
function crm.exhausted(state) end

---True only the first time it is called with this key in the session.
---@return boolean
function crm.once(state, key) end

---Adds n (default 1) to state.memo[key]; returns the new value.
---@return integer
function crm.count(state, key, n) end

---Standard first reaction to forbidden findings, empty, repeated and empathic replies.
---@param state crm.State
---@param reply crm.Reply
---@param lines crm.ReactLines
---@param opts? { per_severity?: number, empty?: number, repeated?: number, calm?: number, calm_min?: number }
---@return string? line
---@return "forbidden"|"empty"|"repeated"|"empathy"|nil kind
---@return crm.Finding? worst
function crm.react(state, reply, lines, opts) end

---The customer asks again for what is missing; second result true when he already asked last turn.
---@return string?, boolean
function crm.nag(state, need, first, again) end

---texts[step] for the first step of order not done yet, else fallback.
---@return string?
function crm.hint(state, order, texts, fallback) end

---Appends say to out; returns the whole line and outcome, ready to return from on_reply.
---@param out string[]
---@param say string?
---@param outcome? string
---@return string, string?
function crm.finish(out, say, outcome) end
