#pragma once

namespace strata {

// TCP ports on 127.0.0.1, for LocalCluster to start a server on.
class LoopbackPort
{
public:
    // A port no one listens on right now, picked by the kernel; 0 when none. The server may
    // still lose a race for it, so the caller must be ready to try another.
    static int pickFree();
    // Whether we could listen on 127.0.0.1:port right now.
    static bool isFree(int port);
};

} // namespace strata
