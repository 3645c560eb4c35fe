// Makes cdktf's jest matchers (toHaveResourceWithProperties, …) known to the type checker in every test;
// test/setup.ts registers them at run time.
import 'cdktf/lib/testing/adapters/jest';
