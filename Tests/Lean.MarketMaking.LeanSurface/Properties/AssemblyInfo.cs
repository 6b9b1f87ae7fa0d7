using System.Runtime.CompilerServices;

// Test-only construction hooks (internal setters/constructors that LEAN also keeps internal, or that LEAN fills in
// through its engine) are visible to the test assembly only: plugin projects see exactly LEAN's public surface.
[assembly: InternalsVisibleTo("Lean.MarketMaking.Tests")]
