#pragma once

class QString;

namespace strata::test {
class TestCluster;
}

namespace strata::bench {

// Ctrl+C and SIGTERM for benchmarks that own a server: the first one only sets a flag, so
// that the benchmark stops after its current step and ~TestCluster stops the server and
// removes its folder; a second one kills at once, as usual.
void catchInterrupts();
bool wasInterrupted();

// Starts `cluster` (saying so on stderr) and creates `database` in it: what every benchmark with
// a server of its own does first.
bool startServer(test::TestCluster &cluster, const QString &database, QString *error);

} // namespace strata::bench
