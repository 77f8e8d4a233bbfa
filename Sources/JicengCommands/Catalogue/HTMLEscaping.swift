/// Text made safe for HTML element content and quoted attribute values. Every string that comes
/// from catalogue data passes through here, so a title like `<script>` shows as text and can never
/// become markup.
enum HTMLEscaping {
    static func escape(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // Control characters have no business in a page; NUL in particular is rewritten by
            // parsers in ways that differ.
            case _ where scalar.value < 0x20 && scalar != "\n" && scalar != "\t": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
