using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Tests.StateMachines;

public sealed class DiagramWriterTests
{
    private const string ExpectedMermaid = """
        %% Generated from the Turnstile machine table. Do not edit.
        stateDiagram-v2
            [*] --> Locked
            Locked --> Alarm : Coin [counterfeit]
            Locked --> Unlocked : Coin [exact fare] / CountFare
            Locked --> Unlocked : Coin / CountFare, RefundCoin
            Locked --> Locked : Push (internal) / Buzz
            Locked --> Alarm : Kick
            Unlocked --> Locked : Push
            Alarm --> Locked : Reset
            Alarm --> Broken : Kick [with a fake coin]
            Alarm --> Alarm : Kick / LogKick
            Broken --> [*]
            note right of Locked : stable: waits for a coin
            note right of Unlocked : deadline: relocks after one pass
            note right of Alarm : deadline: a guard resets it - within a minute
            note right of Broken : terminal: waits for the scrapyard

        """;

    private const string ExpectedDot = """
        digraph "Turnstile" {
            __start [shape=point];
            Locked [shape=ellipse];
            Unlocked [shape=ellipse];
            Alarm [shape=ellipse];
            Broken [shape=doublecircle];
            __start -> Locked;
            Locked -> Alarm [label="Coin [counterfeit]"];
            Locked -> Unlocked [label="Coin [exact fare] / CountFare"];
            Locked -> Unlocked [label="Coin / CountFare, RefundCoin"];
            Locked -> Locked [label="Push (internal) / Buzz"];
            Locked -> Alarm [label="Kick"];
            Unlocked -> Locked [label="Push"];
            Alarm -> Locked [label="Reset"];
            Alarm -> Broken [label="Kick [with a fake coin]"];
            Alarm -> Alarm [label="Kick / LogKick"];
        }

        """;

    [Fact]
    public void Mermaid_lists_every_row_in_declaration_order_then_terminals_then_bounds()
    {
        Assert.Equal(ExpectedMermaid.ReplaceLineEndings("\n"), DiagramWriter.ToMermaid(Turnstile.Table));
    }

    [Fact]
    public void Dot_lists_every_state_then_every_row_in_declaration_order()
    {
        Assert.Equal(ExpectedDot.ReplaceLineEndings("\n"), DiagramWriter.ToDot(Turnstile.Table));
    }

    [Fact]
    public void Row_labels_read_trigger_then_guard_in_brackets()
    {
        var labels = Turnstile.Table.Rows.Where(r => r.From == TurnstileState.Locked).Select(r => r.Label);

        Assert.Equal(["Coin [counterfeit]", "Coin [exact fare]", "Coin", "Push", "Kick"], labels);
    }
}
