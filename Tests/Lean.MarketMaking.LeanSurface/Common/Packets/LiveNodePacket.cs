namespace QuantConnect.Packets
{
    // LEAN: Common/Packets/LiveNodePacket.cs
    /// <summary>Live job task packet: container for any live specific job variables (type only; its base AlgorithmNodePacket is not mirrored).</summary>
    public class LiveNodePacket
    {
    }
}
