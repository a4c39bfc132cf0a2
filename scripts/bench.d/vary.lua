-- wrk: every request a different cache key with the same answer (an open-ended datetime filter
-- whose end moves by a nanosecond), so a tile is rendered, not served from the tile cache.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  counter = tid * 100000000
end
function request()
  counter = counter + 1
  return wrk.format(nil, string.format("%s?datetime=../2100-01-01T00:00:00.%09dZ", wrk.path, counter))
end
