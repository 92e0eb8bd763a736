package io.parceltrack.telegram.chat;

import io.parceltrack.domain.account.PersonProfile;
import io.parceltrack.telegram.text.Markup;
import io.parceltrack.telegram.text.Phrasebook;
import io.parceltrack.telegram.text.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The registration questions both bots ask, and the profile summary at the end. */
public final class RegistrationQuestions {
    /** The data of the "Skip" buttons of the optional answers. */
    public static final String SKIP_PHONE = "reg:skip-phone";
    public static final String SKIP_COMPANY = "reg:skip-company";

    private RegistrationQuestions() {}

    public static OutgoingMessage fullName(Phrasebook texts) {
        return OutgoingMessage.of(texts.phrase(Text.REG_ASK_FULL_NAME));
    }

    public static OutgoingMessage email(Phrasebook texts) {
        return OutgoingMessage.of(texts.phrase(Text.REG_ASK_EMAIL));
    }

    public static OutgoingMessage phone(Phrasebook texts) {
        return OutgoingMessage.of(texts.phrase(Text.REG_ASK_PHONE))
                .withRow(new Button(texts.plain(Text.BUTTON_SKIP), SKIP_PHONE));
    }

    public static OutgoingMessage company(Phrasebook texts) {
        return OutgoingMessage.of(texts.phrase(Text.REG_ASK_COMPANY))
                .withRow(new Button(texts.plain(Text.BUTTON_SKIP), SKIP_COMPANY));
    }

    public static Markup summary(Phrasebook texts, PersonProfile profile, Optional<String> company,
            boolean showCompany) {
        String notGiven = texts.plain(Text.NOT_GIVEN);
        List<Markup> lines = new ArrayList<>();
        lines.add(texts.phrase(Text.PROFILE_SUMMARY, profile.fullName(), profile.email().value(),
                profile.phoneNumber().map(Object::toString).orElse(notGiven)));
        if (showCompany) {
            lines.add(texts.phrase(Text.PROFILE_COMPANY, company.orElse(notGiven)));
        }
        return Markup.lines(lines);
    }
}
