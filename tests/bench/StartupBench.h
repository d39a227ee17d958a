#pragma once

#include <QString>

namespace strata::bench {

// `strata_bench startup`: milliseconds from process start to the main window's first
// paint, against a bare Qt window (and one with a label) started by `self`.
int startup(const QString &self);

// The baselines for startup(): `strata_bench bare-window` and `strata_bench text-window`
// run this in a process of their own; it prints "first-paint" and quits.
int bareWindow(int argc, char **argv, bool withText);

} // namespace strata::bench
