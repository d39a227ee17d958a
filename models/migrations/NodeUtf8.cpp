#include "NodeUtf8.h"

#include <QCryptographicHash>
#include <QStringDecoder>

namespace strata {

namespace {

const char replacement[] = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

} // namespace

NodeUtf8::Decoded NodeUtf8::decode(const QByteArray &bytes)
{
    // The WHATWG decoder, byte by byte (https://encoding.spec.whatwg.org/#utf-8-decoder).
    // QString::fromUtf8 is not used: Qt may replace an invalid sequence with a different
    // number of U+FFFD than V8 does, and the count changes drizzle's hash.
    Decoded result;
    QByteArray &out = result.utf8;
    out.reserve(bytes.size());
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    auto invalid = [&](qsizetype at) {
        out.append(replacement, 3);
        if (result.firstInvalidByte < 0)
            result.firstInvalidByte = at;
        ++result.invalidSequences;
    };
    while (i < size) {
        const unsigned char lead = data[i];
        if (lead < 0x80) {
            out.append(char(lead));
            ++i;
            continue;
        }
        int needed = 0;
        unsigned char lower = 0x80;
        unsigned char upper = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            needed = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            needed = 2;
            if (lead == 0xE0)
                lower = 0xA0;  // overlong
            if (lead == 0xED)
                upper = 0x9F;  // surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            needed = 3;
            if (lead == 0xF0)
                lower = 0x90;  // overlong
            if (lead == 0xF4)
                upper = 0x8F;  // above U+10FFFF
        } else {
            invalid(i);
            ++i;
            continue;
        }
        qsizetype j = i + 1;
        int seen = 0;
        bool ok = true;
        while (seen < needed) {
            if (j >= size) {
                ok = false;
                break;
            }
            const unsigned char next = data[j];
            if (next < lower || next > upper) {
                ok = false;
                break;
            }
            lower = 0x80;
            upper = 0xBF;
            ++j;
            ++seen;
        }
        if (ok) {
            out.append(reinterpret_cast<const char *>(data + i), j - i);
        } else {
            // The maximal subpart (lead plus the valid continuations seen) is one U+FFFD;
            // the byte that broke it is read again as a possible lead.
            invalid(i);
        }
        i = j;
    }
    // ConvertInitialBom: QString::fromUtf8 would drop a leading BOM, which drizzle keeps.
    QStringDecoder toText(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    result.text = toText(out);
    return result;
}

QByteArray NodeUtf8::sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(decode(bytes).utf8, QCryptographicHash::Sha256).toHex();
}

} // namespace strata
