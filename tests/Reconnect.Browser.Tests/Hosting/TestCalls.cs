using Reconnect.Browser.Harness.Calls;
using Reconnect.Browser.Harness.Hosting;

namespace Reconnect.Browser.Tests.Hosting;

/// <summary>The call a running test makes on a world: named after its class and method, logging to its output, cancelled with it.</summary>
internal static class TestCalls
{
    public static BrowserCall For(CallWorld world)
    {
        var test = TestContext.Current.Test?.TestCase.TestMethod;
        var name = test is null ? "room.test" : $"{test.TestClass.TestClassSimpleName}.{test.MethodName}";
        return new BrowserCall(world, name, line => TestContext.Current.TestOutputHelper?.WriteLine(line), TestContext.Current.CancellationToken);
    }
}
