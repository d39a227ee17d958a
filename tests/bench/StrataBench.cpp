// strata_bench <figure>: prints "<figure> ours_ms=<x> <baseline>_ms=<y> ratio=<x/y>",
// each figure next to a baseline measured in the same run (diff prints the speed-up and export
// the throughput ratio, <y/x>, as their goals are stated). Not part of the test suite.
#include "ApplyBench.h"
#include "BrowseBench.h"
#include "DiffBench.h"
#include "ExportBench.h"
#include "IntrospectBench.h"
#include "StartupBench.h"

#include <QCoreApplication>
#include <QString>

#include <cstdio>
#include <cstdlib>
#include <cstring>

int main(int argc, char **argv)
{
    const char *figure = argc > 1 ? argv[1] : "";
    // The startup figure's baselines, run as processes of their own.
    if (std::strcmp(figure, "bare-window") == 0)
        return strata::bench::bareWindow(argc, argv, false);
    if (std::strcmp(figure, "text-window") == 0)
        return strata::bench::bareWindow(argc, argv, true);
    if (std::strcmp(figure, "startup") == 0) {
        QCoreApplication app(argc, argv);
        return strata::bench::startup(QCoreApplication::applicationFilePath());
    }
    if (std::strcmp(figure, "introspect") == 0) {
        const int tables = argc > 2 ? std::atoi(argv[2]) : 1000;
        if (tables < 1) {
            std::fprintf(stderr, "usage: strata_bench introspect [tables]\n");
            return 2;
        }
        QCoreApplication app(argc, argv);
        return strata::bench::introspect(tables);
    }
    if (std::strcmp(figure, "diff") == 0) {
        int tables = 300;
        QString npm = QStringLiteral(STRATA_NPM_DIR);
        for (int i = 2; i < argc; ++i) {
            if (std::strcmp(argv[i], "--npm") == 0 && i + 1 < argc)
                npm = QString::fromLocal8Bit(argv[++i]);
            else if ((tables = std::atoi(argv[i])) < 1)
                break;
        }
        if (tables < 1) {
            std::fprintf(stderr, "usage: strata_bench diff [tables] [--npm <folder with node_modules>]\n");
            return 2;
        }
        QCoreApplication app(argc, argv);
        return strata::bench::diff(tables, npm);
    }
    if (std::strcmp(figure, "apply") == 0) {
        QString npm = QStringLiteral(STRATA_NPM_DIR);
        for (int i = 2; i < argc; ++i) {
            if (std::strcmp(argv[i], "--npm") == 0 && i + 1 < argc) {
                npm = QString::fromLocal8Bit(argv[++i]);
            } else {
                std::fprintf(stderr, "usage: strata_bench apply [--npm <folder with node_modules>]\n");
                return 2;
            }
        }
        QCoreApplication app(argc, argv);
        return strata::bench::apply(npm);
    }
    if (std::strcmp(figure, "export") == 0) {
        const long long rows = argc > 2 ? std::atoll(argv[2]) : 10000000;
        if (rows < 1 || argc > 3) {
            std::fprintf(stderr, "usage: strata_bench export [rows]\n");
            return 2;
        }
        QCoreApplication app(argc, argv);
        return strata::bench::exportTable(rows);
    }
    if (std::strcmp(figure, "browse") == 0) {
        const qint64 rows = argc > 2 ? std::atoll(argv[2]) : 10000000;
        // Fewer rows and the middle is no longer a far jump (RowWindow pages towards rows
        // within four pages).
        if (rows < 20000 || argc > 3) {
            std::fprintf(stderr, "usage: strata_bench browse [rows, at least 20000]\n");
            return 2;
        }
        QCoreApplication app(argc, argv);
        return strata::bench::browse(rows);
    }
    std::fprintf(stderr, "usage: strata_bench startup | introspect [tables] | diff [tables] [--npm <folder>] | "
                         "apply [--npm <folder>] | export [rows] | browse [rows]\n");
    return 2;
}
