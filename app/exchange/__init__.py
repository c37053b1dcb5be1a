"""The regional exchange (医联体/区域平台, issue 17): FHIR R4 Bundles built from a stay, the
platform client, and the sender that empties the server-side outbox (exchange_out). No Qt."""
