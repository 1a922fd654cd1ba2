using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Tests.StateMachines;

public sealed class DiagramWriterTests
{
    private const string ExpectedMermaid = """
        %% Generated from the Turnstile machine's Stateless GetInfo(). Do not edit.
        stateDiagram-v2
            [*] --> Locked
            Locked --> Alarm : Coin [counterfeit]
            Locked --> Unlocked : Coin [exact fare] / CountFare
            Locked --> Unlocked : Coin [overpaid] / CountFare, RefundCoin
            Locked --> Locked : Push (internal) / Buzz
            Locked --> Alarm : Kick
            Unlocked --> Alarm : Coin [counterfeit]
            Unlocked --> Locked : Push
            Alarm --> Locked : Reset
            Alarm --> Broken : Kick [with a fake coin]
            Alarm --> Alarm : Kick [with a genuine coin] / LogKick
            Broken --> [*]
            note right of Locked
                stable - waits for a coin
                entry / EngageBar
                exit / ReleaseBar
            end note
            note right of Unlocked
                deadline - relocks after one pass
                entry / GreenLight
                exit / RedLight
                ignores Coin - already paid
            end note
            note right of Alarm
                deadline - a guard resets it - within a minute
                entry / SoundAlarm
                exit / SilenceAlarm
            end note
            note right of Broken
                terminal - waits for the scrapyard
                ignores Kick - already broken
            end note

        """;

    private const string ExpectedDot = """
        digraph "Turnstile" {
            __start [shape=point];
            Locked [shape=ellipse, tooltip="stable: waits for a coin\nentry / EngageBar\nexit / ReleaseBar"];
            Unlocked [shape=ellipse, tooltip="deadline: relocks after one pass\nentry / GreenLight\nexit / RedLight\nignores Coin: already paid"];
            Alarm [shape=ellipse, tooltip="deadline: a guard resets it: within a minute\nentry / SoundAlarm\nexit / SilenceAlarm"];
            Broken [shape=doublecircle, tooltip="terminal: waits for the scrapyard\nignores Kick: already broken"];
            __start -> Locked;
            Locked -> Alarm [label="Coin [counterfeit]"];
            Locked -> Unlocked [label="Coin [exact fare] / CountFare"];
            Locked -> Unlocked [label="Coin [overpaid] / CountFare, RefundCoin"];
            Locked -> Locked [label="Push (internal) / Buzz"];
            Locked -> Alarm [label="Kick"];
            Unlocked -> Alarm [label="Coin [counterfeit]"];
            Unlocked -> Locked [label="Push"];
            Alarm -> Locked [label="Reset"];
            Alarm -> Broken [label="Kick [with a fake coin]"];
            Alarm -> Alarm [label="Kick [with a genuine coin] / LogKick"];
            Unlocked -> Unlocked [style=dashed, label="ignores Coin: already paid"];
            Broken -> Broken [style=dashed, label="ignores Kick: already broken"];
        }

        """;

    [Fact]
    public void Mermaid_lists_every_Stateless_transition_then_terminals_then_each_states_bound_actions_and_ignores()
    {
        Assert.Equal(ExpectedMermaid.ReplaceLineEndings("\n"), DiagramWriter.ToMermaid(Turnstile.Table));
    }

    [Fact]
    public void Dot_lists_every_state_with_its_notes_then_every_transition_then_ignores_as_dashed_loops()
    {
        Assert.Equal(ExpectedDot.ReplaceLineEndings("\n"), DiagramWriter.ToDot(Turnstile.Table));
    }

    [Fact]
    public void Row_labels_read_trigger_then_guard_in_brackets()
    {
        var labels = Turnstile.Table.Rows.Where(r => r.From == TurnstileState.Locked).Select(r => r.Label);

        Assert.Equal(["Coin [counterfeit]", "Coin [exact fare]", "Coin [overpaid]", "Push", "Kick"], labels);
    }
}
