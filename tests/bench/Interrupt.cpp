#include "Interrupt.h"

#include "TestCluster.h"

#include <cstdio>

#include <atomic>

#include <signal.h>

namespace strata::bench {

namespace {

// Lock-free, so that the signal handler may set it.
std::atomic<bool> interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void onInterrupt(int)
{
    interrupted = true;
}

} // namespace

void catchInterrupts()
{
    struct sigaction action {};
    action.sa_handler = onInterrupt;
    action.sa_flags = SA_RESETHAND;  // the second signal gets the default action
    sigemptyset(&action.sa_mask);
    for (int number : {SIGINT, SIGTERM}) {
        // A signal ignored by whoever started us (nohup, `cmd &` in a script) stays ignored.
        struct sigaction old {};
        if (sigaction(number, nullptr, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(number, &action, nullptr);
    }
}

bool wasInterrupted()
{
    return interrupted;
}

bool startServer(test::TestCluster &cluster, const QString &database, QString *error)
{
    std::fprintf(stderr, "starting PostgreSQL…\n");
    return cluster.start(error) && cluster.createDatabase(database, error);
}

} // namespace strata::bench
