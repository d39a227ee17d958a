#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace strata {

void installTranslations(QCoreApplication &app)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    auto *strata = new QTranslator(&app);
    if (strata->load(QLocale(), QStringLiteral("strata"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(strata);
}

} // namespace strata
