// strata_bench startup: time to the main window's first paint against bare Qt windows.
#include "StartupBench.h"

#include "Median.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QMainWindow>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace strata::bench {

namespace {

// Milliseconds from starting `program` to its "first-paint" line.
double timeToFirstPaint(const QString &program, const QStringList &args, const QString &configHome)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("STRATA_BENCH_FIRST_PAINT"), QStringLiteral("1"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);  // no last connection to restore
    if (!env.contains(QStringLiteral("DISPLAY")) && !env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    process.start(program, args);
    while (process.waitForReadyRead(30000)) {
        if (process.readAllStandardOutput().contains("first-paint")) {
            const double ms = timer.nsecsElapsed() / 1e6;
            process.waitForFinished(10000);
            return ms;
        }
    }
    std::fprintf(stderr, "%s never painted: %s\n", qPrintable(program),
                 process.readAllStandardError().constData());
    return -1;
}

} // namespace

// The baseline: an empty QMainWindow of the same size, reporting its first paint; with
// "text", a label in it, so that Qt's font database is loaded as for any window with text.
int bareWindow(int argc, char **argv, bool withText)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1200, 760);
    if (withText)
        window.setCentralWidget(new QLabel(QStringLiteral("Strata"), &window));
    struct Probe : QObject {
        bool eventFilter(QObject *o, QEvent *e) override
        {
            if (e->type() == QEvent::Paint) {
                std::printf("first-paint\n");
                std::fflush(stdout);
                QTimer::singleShot(0, qApp, &QCoreApplication::quit);
            }
            return QObject::eventFilter(o, e);
        }
    } probe;
    window.installEventFilter(&probe);
    window.show();
    return app.exec();
}

int startup(const QString &self)
{
    QTemporaryDir config;
    QList<double> ours;
    QList<double> bare;
    QList<double> text;
    for (int i = 0; i < 10; ++i) {  // interleaved, so all see the same machine load
        ours.append(timeToFirstPaint(QStringLiteral(STRATA_BINARY), {}, config.path()));
        bare.append(timeToFirstPaint(self, {QStringLiteral("bare-window")}, config.path()));
        text.append(timeToFirstPaint(self, {QStringLiteral("text-window")}, config.path()));
    }
    if (ours.contains(-1) || bare.contains(-1) || text.contains(-1))
        return 1;
    const double x = median(ours);
    std::printf("startup ours_ms=%.1f bare_qt_ms=%.1f ratio=%.2f\n", x, median(bare), x / median(bare));
    std::printf("startup_vs_text_window ours_ms=%.1f qt_label_ms=%.1f ratio=%.2f\n", x,
                median(text), x / median(text));
    return 0;
}

} // namespace strata::bench
