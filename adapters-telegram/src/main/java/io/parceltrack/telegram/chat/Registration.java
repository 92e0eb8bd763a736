package io.parceltrack.telegram.chat;

import io.parceltrack.domain.account.Email;
import io.parceltrack.domain.account.Manager;
import io.parceltrack.domain.account.PersonProfile;
import io.parceltrack.domain.account.PhoneNumber;
import io.parceltrack.telegram.text.Markup;
import io.parceltrack.telegram.text.Phrasebook;
import io.parceltrack.telegram.text.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The registration dialogue both bots hold: full name, e-mail, phone (may be skipped) and, for
 * managers, the company (may be skipped). Each answer is read once with the domain's own rules and
 * asked again with the reason if refused. The bot keeps the {@link RegistrationStep} inside its own
 * state and says what happens once every answer is in.
 */
public final class Registration {

    /** Everything registration asked, checked. {@code phone} and {@code company} may be {@code null}. */
    public record Profile(String fullName, Email email, PhoneNumber phone, String company) {
        public PersonProfile person() {
            return new PersonProfile(fullName, email, phone);
        }
    }

    /** Where an answer leads: the next question (or the same one again, below why), or the end. */
    public sealed interface Outcome {
        record Ask(RegistrationStep step, Markup notice) implements Outcome {}

        record Done(Profile profile) implements Outcome {}
    }

    private final boolean asksCompany;

    private Registration(boolean asksCompany) {
        this.asksCompany = asksCompany;
    }

    /** Recipients: name, e-mail, phone. */
    public static Registration ofUsers() {
        return new Registration(false);
    }

    /** Managers: name, e-mail, phone, company. */
    public static Registration ofManagers() {
        return new Registration(true);
    }

    public RegistrationStep first() {
        return new RegistrationStep.FullName();
    }

    /** What the typed answer to {@code step} leads to. */
    public Outcome answer(Turn<?> turn, RegistrationStep step, String text) {
        if (step instanceof RegistrationStep.FullName) {
            return next(turn, step, Answers.text(turn, text, PersonProfile.FULL_NAME), RegistrationStep.EmailAddress::new);
        }
        if (step instanceof RegistrationStep.EmailAddress at) {
            return next(turn, step, Answers.read(turn, text, Email::parse),
                    email -> new RegistrationStep.Phone(at.fullName(), email));
        }
        if (step instanceof RegistrationStep.Phone at) {
            Parsed<PhoneNumber> phone = Answers.read(turn, text, PhoneNumber::parse);
            if (phone instanceof Parsed.Refused<PhoneNumber> refused) {
                return again(turn, step, refused.reason());
            }
            return afterPhone(at, ((Parsed.Accepted<PhoneNumber>) phone).value());
        }
        RegistrationStep.Company at = (RegistrationStep.Company) step;
        Parsed<String> company = Answers.text(turn, text, Manager.COMPANY);
        if (company instanceof Parsed.Refused<String> refused) {
            return again(turn, step, refused.reason());
        }
        return new Outcome.Done(new Profile(at.fullName(), at.email(), at.phone(),
                ((Parsed.Accepted<String>) company).value()));
    }

    /** What pressing "Skip" for {@code answer} leads to; empty if that answer is not asked in {@code step}. */
    public Optional<Outcome> skip(RegistrationStep step, Callback.Skippable answer) {
        if (step instanceof RegistrationStep.Phone at && answer == Callback.Skippable.PHONE) {
            return Optional.of(afterPhone(at, null));
        }
        if (step instanceof RegistrationStep.Company at && answer == Callback.Skippable.COMPANY) {
            return Optional.of(new Outcome.Done(new Profile(at.fullName(), at.email(), at.phone(), null)));
        }
        return Optional.empty();
    }

    private Outcome afterPhone(RegistrationStep.Phone at, PhoneNumber phone) {
        return asksCompany
                ? new Outcome.Ask(new RegistrationStep.Company(at.fullName(), at.email(), phone), Markup.NONE)
                : new Outcome.Done(new Profile(at.fullName(), at.email(), phone, null));
    }

    private static <T> Outcome next(Turn<?> turn, RegistrationStep step, Parsed<T> answer,
            Function<T, RegistrationStep> next) {
        if (answer instanceof Parsed.Refused<T> refused) {
            return again(turn, step, refused.reason());
        }
        return new Outcome.Ask(next.apply(((Parsed.Accepted<T>) answer).value()), Markup.NONE);
    }

    private static Outcome again(Turn<?> turn, RegistrationStep step, Markup reason) {
        return new Outcome.Ask(step, turn.texts().phrase(Text.FIX_AND_RETRY, reason));
    }

    /**
     * Carries an outcome out: the next question is asked (the bot's state becomes {@code inState} of
     * it), or {@code done} gets the finished profile.
     */
    public <S> void proceed(Turn<S> turn, Outcome outcome, Function<RegistrationStep, S> inState,
            Consumer<Profile> done) {
        if (outcome instanceof Outcome.Ask ask) {
            turn.moveTo(inState.apply(ask.step()));
            turn.send(question(turn.texts(), ask.step()).withNotice(ask.notice()));
        } else {
            done.accept(((Outcome.Done) outcome).profile());
        }
    }

    /** The question of a step, with its "Skip" button where the answer may be left out. */
    public OutgoingMessage question(Phrasebook texts, RegistrationStep step) {
        if (step instanceof RegistrationStep.FullName) {
            return OutgoingMessage.of(texts.phrase(Text.REG_ASK_FULL_NAME));
        }
        if (step instanceof RegistrationStep.EmailAddress) {
            return OutgoingMessage.of(texts.phrase(Text.REG_ASK_EMAIL));
        }
        if (step instanceof RegistrationStep.Phone) {
            return OutgoingMessage.of(texts.phrase(Text.REG_ASK_PHONE))
                    .withRow(new Button(texts.plain(Text.BUTTON_SKIP), new Callback.Skip(Callback.Skippable.PHONE)));
        }
        return OutgoingMessage.of(texts.phrase(Text.REG_ASK_COMPANY))
                .withRow(new Button(texts.plain(Text.BUTTON_SKIP), new Callback.Skip(Callback.Skippable.COMPANY)));
    }

    /** The profile as registered; the company line for managers only. */
    public Markup summary(Phrasebook texts, PersonProfile profile, Optional<String> company) {
        List<Markup> lines = new ArrayList<>();
        lines.add(texts.phrase(Text.PROFILE_SUMMARY, profile.fullName(), profile.email().value(),
                profile.phoneNumber().map(Object::toString).orElse(texts.plain(Text.NOT_GIVEN_PHONE))));
        if (asksCompany) {
            lines.add(texts.phrase(Text.PROFILE_COMPANY, company.orElse(texts.plain(Text.NOT_GIVEN_COMPANY))));
        }
        return Markup.lines(lines);
    }
}
