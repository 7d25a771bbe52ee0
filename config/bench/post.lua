-- A POST of `make bench` (a comment, a rating); config/bench/wrk.py fills in each name after a
-- dollar sign. $form is a Lua expression of the form's fields: comment bodies are unique across
-- threads and runs (the duplicate-text rule would refuse repeats), ratings change in turn.
-- thread_id is a global each thread gets from setup() (a local here would shadow it, and
-- every thread would send the same bodies).
local counter = 0
local next_thread = 0
setup = function(thread)
  next_thread = next_thread + 1
  thread:set("thread_id", next_thread)
end
-- A premiere's worth of readers posting, not one reader posting hundreds a second.
local sessions = {$sessions}
request = function()
  counter = counter + 1
  local body = "csrfmiddlewaretoken=$csrf&" .. $form
  local session = sessions[(counter * 2 + thread_id) % #sessions + 1]
  return wrk.format("POST", "$path", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "sessionid=" .. session .. "; csrftoken=$csrf",
  }, body)
end
