-- The comment POST of `make bench`; config/bench/wrk.py fills in each name after a dollar sign.
-- Bodies unique across threads and runs: the duplicate-text rule would refuse repeats.
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
  local body = "csrfmiddlewaretoken=$csrf&body=Bench+comment+$run+" .. thread_id .. "+" .. counter
  local session = sessions[(counter * 2 + thread_id) % #sessions + 1]
  return wrk.format("POST", "$path", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "sessionid=" .. session .. "; csrftoken=$csrf",
  }, body)
end
