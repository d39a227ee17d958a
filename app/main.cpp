#include "MainWindow.h"
#include "Translations.h"
#include "cli/CommandLine.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
#include <QTimer>

#include <cstdio>
#include <type_traits>

namespace {

// strata_bench startup: report the first paint of the window and leave.
class FirstPaintProbe : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            std::printf("first-paint\n");
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_done = false;
};

int openWindow(const QCommandLineParser &parser, const QCommandLineOption &demo,
               const QCommandLineOption &fresh);

bool wantsHelpOrVersion(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "-?" || arg == "--help-all" || arg == "-v"
            || arg == "--version")
            return true;
    }
    return false;
}

template<typename App>
int runWindow(int argc, char **argv)
{
    App app(argc, argv);
    App::setApplicationName(QStringLiteral("strata"));
    App::setOrganizationName(QStringLiteral("strata"));
    App::setApplicationVersion(QStringLiteral(STRATA_VERSION));
    strata::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "A native PostgreSQL studio.\n\nCommands (no display needed): %1")
                                         .arg(strata::CommandLine::commands().join(QStringLiteral(", "))));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QApplication::translate("main", "Open the demo database (started privately)."));
    const QCommandLineOption fresh(QStringLiteral("fresh"),
                                   QApplication::translate("main", "With --demo: recreate the demo from scratch."));
    parser.addOption(demo);
    parser.addOption(fresh);
    parser.addPositionalArgument(QStringLiteral("target"),
                                 QApplication::translate("main", "A connection URL, keyword/value string or drizzle project folder."),
                                 QStringLiteral("[URL | project-folder]"));
    parser.process(app);  // --help and --version print and exit here
    if constexpr (!std::is_same_v<App, QApplication>)
        return 0;
    else
        return openWindow(parser, demo, fresh);
}

int openWindow(const QCommandLineParser &parser, const QCommandLineOption &demo,
               const QCommandLineOption &fresh)
{
    QApplication::setApplicationDisplayName(QStringLiteral("Strata"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/strata.svg")));
    strata::MainWindow window;
    FirstPaintProbe probe;
    if (qEnvironmentVariableIsSet("STRATA_BENCH_FIRST_PAINT"))
        window.installEventFilter(&probe);
    window.show();

    const QStringList targets = parser.positionalArguments();
    if (parser.isSet(demo)) {
        window.startDemo(parser.isSet(fresh));
    } else if (!targets.isEmpty()) {
        window.openTarget(targets.first());
    } else if (!qEnvironmentVariableIsSet("STRATA_BENCH_FIRST_PAINT")) {
        window.restoreLastConnection();
    }
    return QApplication::exec();
}

} // namespace

int main(int argc, char **argv)
{
    // Commands, --help and --version never need a display: they get a QCoreApplication only.
    if (argc > 1 && strata::CommandLine::isCommand(QString::fromLocal8Bit(argv[1])))
        return strata::CommandLine::run(argc, argv);
    if (wantsHelpOrVersion(argc, argv))
        return runWindow<QCoreApplication>(argc, argv);
    return runWindow<QApplication>(argc, argv);
}
