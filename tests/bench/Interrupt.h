#pragma once

namespace strata::bench {

// Ctrl+C and SIGTERM for benchmarks that own a server: the first one only sets a flag, so
// that the benchmark stops after its current step and ~TestCluster stops the server and
// removes its folder; a second one kills at once, as usual.
void catchInterrupts();
bool wasInterrupted();

} // namespace strata::bench
